-- protocol cases: abort mid-body, message after message on one
-- connection, many recipients, huge headers, a body that spills to disk
dofile(os.getenv("TESTDIR") .. "/lib.lua")
local conn = open()

-- abort in the middle of the body, then a complete message
envelope(conn, FROM, {PARTNER, MANAGER})
check(mt.header(conn, "From", FROM) == nil, "header")
check(mt.bodystring(conn, "first half of a body\r\n") == nil, "body")
check(mt.abort(conn) == nil, "abort")
envelope(conn, FROM, {PARTNER, MANAGER})
check(delivered(message(conn, {{"From", FROM}, {"To", PARTNER}, {"Cc", MANAGER}}, "after abort\r\n")),
	"message after abort")

-- twenty messages on one connection, alternating verdicts
for i = 1, 20 do
	if i % 2 == 0 then
		envelope(conn, FROM, {PARTNER})
		check(delivered(message(conn, {{"From", FROM}, {"To", PARTNER}}, "n" .. i .. "\r\n")), "msg " .. i)
		check(mt.eom_check(conn, MT_RCPTADD, "<" .. MANAGER .. ">"), "manager added in msg " .. i)
	else
		envelope(conn, FROM, {PARTNER, MANAGER})
		check(delivered(message(conn, {{"From", FROM}, {"To", PARTNER}, {"Cc", MANAGER}}, "n" .. i .. "\r\n")),
			"msg " .. i)
		check(not mt.eom_check(conn, MT_RCPTADD, "<" .. MANAGER .. ">"), "nothing added in msg " .. i)
	end
end

-- one thousand envelope recipients (all in Bcc: not visible)
local many = {MANAGER}
for i = 1, 1000 do
	many[#many + 1] = "c" .. i .. "@kokyaku.example"
end
envelope(conn, FROM, many)
check(delivered(message(conn, {{"From", FROM}, {"To", FROM}, {"Cc", MANAGER}}, "Bcc mailing\r\n")),
	"1000 Bcc recipients delivered")

-- huge headers: 3000 header fields, 900-byte values (miltertest 2.11
-- itself overflows its stack on a value over ~1 KB; single 100 KB header
-- values are sent through a real Postfix in tests/integration/postfix.test)
envelope(conn, FROM, {PARTNER, MANAGER})
local hdrs = {{"From", FROM}, {"To", PARTNER}, {"Cc", MANAGER}, }
for i = 1, 3000 do
	hdrs[#hdrs + 1] = {"X-Filler-" .. i, string.rep("v", 900)}
end
check(delivered(message(conn, hdrs, "body\r\n")), "huge headers delivered")

-- a body far above body_memory_limit: kept in the spill file
envelope(conn, FROM, {PARTNER, MANAGER})
for _, h in ipairs({{"From", FROM}, {"To", PARTNER}, {"Cc", MANAGER}}) do
	check(mt.header(conn, h[1], h[2]) == nil, "header")
end
for i = 1, 100 do
	check(mt.bodystring(conn, string.rep("line of ordinary text " .. i .. "\r\n", 100)) == nil, "chunk")
end
check(mt.eom(conn) == nil, "eom")
check(delivered(mt.getreply(conn)), "large body delivered")

-- MAIL FROM, then the client goes away without a word
envelope(conn, FROM, {PARTNER})
check(mt.header(conn, "From", FROM) == nil, "header")
mt.disconnect(conn, false)
