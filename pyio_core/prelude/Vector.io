// vector(1, 2, 3): a new Vector holding the arguments (the math is in protos/vector.py).
Protos Core vector := method(Vector clone performWithArgList("append", call evalArgs))
