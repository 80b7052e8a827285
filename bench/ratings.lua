-- ratings.lua: the wrk script of bench/ratings.sh (make bench-ratings).
--
-- Every request is POST /p/rate/TOKEN (the path is wrk's URL) with
-- "stars=5&idem_key=KEY", KEY new for each request (a random prefix per
-- wrk thread, then a counter): a plain rating, through the group writer.
--
-- Arguments (after wrk's "--"): DEADLINE, a Unix time.  From that second
-- on, each thread posts its first key again: a retry, answered from the
-- key's row and storing nothing.  wrk stops with requests in flight, and
-- those would be ratings stored but never seen acknowledged; with retries
-- in flight at the stop, every new rating that was sent was answered, so
-- the ratings stored must equal the new ones acknowledged here.
--
-- At the end it prints "ratings acknowledged: N" (200 answers that are not
-- a retry's receipt), "retries answered: N" and "other answers: N".

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("tid", #threads)
end

local prefix
local n = 0
local deadline = 0
acked = 0
replays = 0
others = 0

function init(args)
	local f = assert(io.open("/dev/urandom", "rb"))
	local bytes = f:read(6)
	f:close()
	local hex = bytes:gsub(".", function(c) return string.format("%02x", c:byte()) end)
	prefix = "b" .. hex .. "-" .. tostring(tid) .. "-"
	deadline = tonumber(args[1] or "0") or 0
end

function request()
	if n > 0 and deadline > 0 and os.time() >= deadline then
		return wrk.format(nil, nil, nil, "stars=5&idem_key=" .. prefix .. "1")
	end
	n = n + 1
	return wrk.format(nil, nil, nil, "stars=5&idem_key=" .. prefix .. n)
end

function response(status, headers, body)
	if status ~= 200 then
		others = others + 1
	elseif body:find('id="rate-replay"', 1, true) then
		replays = replays + 1
	else
		acked = acked + 1
	end
end

function done(summary, latency, requests)
	local a, r, o = 0, 0, 0
	for _, t in ipairs(threads) do
		a = a + t:get("acked")
		r = r + t:get("replays")
		o = o + t:get("others")
	end
	io.write(string.format("ratings acknowledged: %d\nretries answered: %d\nother answers: %d\n", a, r, o))
end
