-- learn.lua - outbound mail to a domain the firm has not written to is
-- tagged (recipient.new_domain); once it is delivered the domain is
-- registered, and the next message to it is not
dofile(os.getenv("TESTDIR") .. "/lib.lua")
local NEW = "suzuki@shinki-torihiki.example"
local conn = open()
envelope(conn, FROM, {NEW, MANAGER})
local r = message(conn, {{"From", FROM}, {"To", NEW}, {"Cc", MANAGER},
	{"Subject", "first contact"}}, "Dear Suzuki-san,\r\nnice to meet you.\r\n")
check(delivered(r), "first mail delivered")
check(mt.eom_check(conn, MT_HDRADD, "X-Omamori-Verdict", "tag"), "first mail tagged")
check(mt.eom_check(conn, MT_HDRADD, "X-Omamori-Categories", "recipient.new_domain"), "new domain named")
envelope(conn, FROM, {NEW, MANAGER})
r = message(conn, {{"From", FROM}, {"To", NEW}, {"Cc", MANAGER},
	{"Subject", "second mail"}}, "Dear Suzuki-san,\r\nthank you.\r\n")
check(delivered(r), "second mail delivered")
check(mt.eom_check(conn, MT_HDRADD, "X-Omamori-Verdict", "accept"), "second mail not tagged")
mt.disconnect(conn)
