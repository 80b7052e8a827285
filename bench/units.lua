-- units.lua: the wrk script of bench/pg.sh for the audit write path.
--
-- Every request is POST /api/units with a new unit's JSON, under a name
-- no other request uses (a random prefix per wrk thread, then a counter),
-- so each one is a write transaction: the unit and its audit entry.  The
-- session cookie, X-CSRF-Token and Content-Type come from wrk's -H options.
-- At the end it prints "201 answers: N", counted from the status codes.

wrk.method = "POST"

local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("tid", #threads)
end

local prefix
local n = 0
created = 0

function init(args)
	local f = assert(io.open("/dev/urandom", "rb"))
	local bytes = f:read(6)
	f:close()
	local hex = bytes:gsub(".", function(c) return string.format("%02x", c:byte()) end)
	prefix = "w" .. hex .. "-" .. tostring(tid) .. "-"
end

function request()
	n = n + 1
	return wrk.format(nil, nil, nil, '{"name":"' .. prefix .. n .. '","kind":"department"}')
end

function response(status, headers, body)
	if status == 201 then
		created = created + 1
	end
end

function done(summary, latency, requests)
	local total = 0
	for _, t in ipairs(threads) do
		total = total + t:get("created")
	end
	io.write(string.format("201 answers: %d\n", total))
end
