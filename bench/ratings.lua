-- ratings.lua: the wrk script of bench/ratings.sh (make bench-ratings).
--
-- Every request is POST /p/rate/TOKEN (the path is wrk's URL) with
-- "stars=5&idem_key=KEY", KEY new for each request and shaped as the
-- form's (domain/rating_key.h): 10 hex digits of the moment in 1/64 s
-- ticks (the page would be rendered just before), then 43 characters (a
-- random part per wrk thread, then a counter): a plain rating, through the
-- group writer.  A second argument AGE > 0 draws each render time
-- uniformly from the last AGE seconds instead (people read the page
-- before they rate: the key index's realistic case); AGE < 0 posts keys
-- without a render time (an old page's: the key index before gc13b).
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

local prefix
local first
local n = 0
local age = 0
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } qf_timespec;
int clock_gettime(int clk, qf_timespec *ts);
]]
local ts = ffi.new("qf_timespec")

-- the render time's tick, as rating_key_new draws it
local function tick()
	ffi.C.clock_gettime(0, ts)
	local t = tonumber(ts.tv_sec) * 64 + math.floor(tonumber(ts.tv_nsec) / 15625000)
	if age > 0 then
		t = t - math.random(0, age * 64)
	end
	return string.format("%010x", t)
end

local function key(i)
	local k = prefix .. i
	if age < 0 then
		return k        -- no render time: stored as BLAKE2b alone (before gc13b)
	end
	return tick() .. k .. string.rep("x", 43 - #k)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("tid", #threads)
end

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
	age = tonumber(args[2] or "0") or 0
	math.randomseed(bytes:byte(1) * 65536 + bytes:byte(2) * 256 + bytes:byte(3))
end

function request()
	if n > 0 and deadline > 0 and os.time() >= deadline then
		return wrk.format(nil, nil, nil, "stars=5&idem_key=" .. first)
	end
	n = n + 1
	local k = key(n)
	if n == 1 then
		first = k
	end
	return wrk.format(nil, nil, nil, "stars=5&idem_key=" .. k)
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
