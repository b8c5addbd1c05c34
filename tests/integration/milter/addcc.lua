-- manager missing: added to the envelope and to the Cc header
dofile(os.getenv("TESTDIR") .. "/lib.lua")
local conn = open()
envelope(conn, FROM, {PARTNER})
local r = message(conn, {{"From", FROM}, {"To", PARTNER}, {"Subject", "quote"}},
	"Please find the quote below.\r\n")
check(delivered(r), "delivered")
check(mt.eom_check(conn, MT_RCPTADD, "<" .. MANAGER .. ">"), "manager in the envelope")
check(mt.eom_check(conn, MT_HDRADD, "Cc", MANAGER), "manager in Cc")
check(mt.eom_check(conn, MT_HDRADD, "X-Omamori-Verdict", "add-cc"), "verdict add-cc")
check(mt.eom_check(conn, MT_HDRADD, "X-Omamori-Categories", "cc.manager_missing"), "categories")
mt.disconnect(conn)

-- an existing Cc is extended, not replaced
conn = open()
envelope(conn, FROM, {PARTNER, "sato@partner-shoji.example"})
r = message(conn, {{"From", FROM}, {"To", PARTNER}, {"Cc", "sato@partner-shoji.example"},
	{"Subject", "quote"}}, "text\r\n")
check(delivered(r), "delivered")
check(mt.eom_check(conn, MT_HDRCHANGE, "Cc", "sato@partner-shoji.example, " .. MANAGER), "Cc extended")
mt.disconnect(conn)
