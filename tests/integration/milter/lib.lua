-- lib.lua - helpers shared by the miltertest scripts (dofile'd)
-- MILTER_SOCK names the filter's socket.

sock = os.getenv("MILTER_SOCK")

function check(cond, what)
	if not cond then
		-- miltertest does not print the error text: say it first
		print("FAILED: " .. what)
		error("FAILED: " .. what, 2)
	end
end

-- open: connect and send the connection details (as Postfix would)
function open()
	local conn = mt.connect(sock, 40, 0.25)
	check(conn ~= nil, "connect to " .. tostring(sock))
	check(mt.conninfo(conn, "localhost", "127.0.0.1") == nil, "conninfo")
	return conn
end

-- envelope: MAIL FROM and RCPT TOs
function envelope(conn, from, rcpts)
	check(mt.mailfrom(conn, "<" .. from .. ">") == nil, "mailfrom")
	for _, r in ipairs(rcpts) do
		check(mt.rcptto(conn, "<" .. r .. ">") == nil, "rcptto " .. r)
	end
end

-- message: headers (list of {name, value}) and a body string, then eom
function message(conn, headers, body)
	for _, h in ipairs(headers) do
		check(mt.header(conn, h[1], h[2]) == nil, "header " .. h[1])
	end
	check(mt.bodystring(conn, body) == nil, "body")
	check(mt.eom(conn) == nil, "eom")
	return mt.getreply(conn)
end

-- delivered: the reply at end of message lets the message through
function delivered(reply)
	return reply == SMFIR_CONTINUE or reply == SMFIR_ACCEPT
end

FROM = "tanaka@sakura-hoken.example"
MANAGER = "kanri@sakura-hoken.example"
PARTNER = "yamada@partner-shoji.example"
