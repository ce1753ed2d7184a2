c1 rA 0 0
c2 rA 0 0
