c1 rA 0 0
c1 rZ 0 1
c2 rB 0 9
c1 rB 1 1
c1 rB 1 2
c2 rB
