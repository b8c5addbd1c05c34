-- clean outbound mail with the manager in Cc: delivered with our headers;
-- a forged X-Omamori-Verdict that came in is removed
dofile(os.getenv("TESTDIR") .. "/lib.lua")
local conn = open()
envelope(conn, FROM, {PARTNER, MANAGER})
local r = message(conn, {{"From", FROM}, {"To", PARTNER}, {"Cc", MANAGER},
	{"Subject", "meeting"}, {"X-Omamori-Verdict", "accept"}},
	"Dear Yamada-san,\r\nsee you on Monday.\r\n")
check(delivered(r), "clean mail delivered")
check(mt.eom_check(conn, MT_HDRADD, "X-Omamori-Verdict", "accept"), "verdict header")
check(mt.eom_check(conn, MT_HDRADD, "X-Omamori-Ref"), "ref header")
check(mt.eom_check(conn, MT_HDRCHANGE, "X-Omamori-Verdict"), "forged verdict removed")
check(not mt.eom_check(conn, MT_RCPTADD, "<" .. MANAGER .. ">"), "no manager added")
check(not mt.eom_check(conn, MT_QUARANTINE), "not held")
mt.disconnect(conn)
