-- a free-mail recipient: the message goes to the hold (quarantine) queue
dofile(os.getenv("TESTDIR") .. "/lib.lua")
local conn = open()
envelope(conn, FROM, {"someone@gmail.com", MANAGER})
local r = message(conn, {{"From", FROM}, {"To", "someone@gmail.com"}, {"Cc", MANAGER},
	{"Subject", "documents"}}, "Here are the documents.\r\n")
check(delivered(r), "held mail is accepted into the MTA")
check(mt.eom_check(conn, MT_QUARANTINE), "quarantined")
check(mt.eom_check(conn, MT_HDRADD, "X-Omamori-Verdict", "hold"), "verdict hold")
mt.disconnect(conn)
