-- many external addresses visible in To/Cc: 550 5.7.1 naming the category
dofile(os.getenv("TESTDIR") .. "/lib.lua")
local conn = open()
local to = {}
local rcpts = {MANAGER}
for i = 1, 12 do
	to[#to + 1] = "customer" .. i .. "@kokyaku.example"
	rcpts[#rcpts + 1] = to[#to]
end
envelope(conn, FROM, rcpts)
local r = message(conn, {{"From", FROM}, {"To", table.concat(to, ", ")},
	{"Cc", MANAGER}, {"Subject", "notice to all customers"}}, "Dear customers,\r\n")
check(r == SMFIR_REPLYCODE, "reply code, got " .. tostring(r))
-- miltertest 2.11 does not match MT_SMTPREPLY by code; the reply text is
-- checked against a real Postfix in tests/integration/postfix.test.
mt.disconnect(conn)
