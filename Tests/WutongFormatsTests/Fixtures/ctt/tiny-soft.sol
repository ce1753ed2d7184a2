c1 rA 0 0
c1 rB 0 1
c2 rB 0 2
c2 rB 1 0
