// Block and OperatorTable set-up that needs the world built first.

getSlot("Block") setMessage(Message clone setName("nil"))

// the parser's live tables, installed as the Maps upstream has in these slots
OperatorTable operators
OperatorTable assignOperators
Message OperatorTable := OperatorTable
