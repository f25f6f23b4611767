-- bench/soak.lua: the soak's mixed load for wrk (bench/soak.sh writes nothing of it; it passes
-- everything in the environment, which the script reads when wrk loads it):
--
--   SOAK_CASES   file of "ticket code" lines: real reports to look up
--   SOAK_TOKENS  file from bench/tokens: the form cookie, then one CSRF token a line
--   SOAK_THREADS wrk's -t (thread n takes tokens n, n+T, n+2T...: no token is sent twice)
--   SOAK_PNG     the attachment sent with every submission (a small PNG)
--   SOAK_ACK     prefix of the files the threads write the acknowledged tickets to (PREFIX.N)
--   SOAK_RATE    requests/s over all threads; 0 or unset: as fast as wrk can (the capacity run)
--   SOAK_MIX     per mille of status lookups and page views, e.g. "800 150" (the rest: submissions)
--
-- Each request is picked at random by those weights: POST /jubao/status with a real ticket and
-- query code, GET of a public page, or a multipart POST /jubao/submit with a new valid token,
-- the form cookie and the PNG. response() counts the answers by status, takes the ticket off
-- every receipt page and appends it to SOAK_ACK.N; done() prints one SOAK line.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
int clock_gettime(int clk, soak_timespec *ts);
]]
local function now_ms()
	local ts = ffi.new("soak_timespec")
	ffi.C.clock_gettime(1, ts)   -- CLOCK_MONOTONIC
	return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

-- setup() and thread_tokens(), from the file beside this one.
dofile(debug.getinfo(1, "S").source:match("^@(.-)[^/]*$") .. "wrk-tokens.lua")

local PAGES = { "/jubao/", "/jubao/help", "/jubao/channels", "/jubao/lists", "/jubao/submit" }
local BOUNDARY = "----jubaosoak5c1e0b7d"

local function part(name, value)
	return "--" .. BOUNDARY .. "\r\nContent-Disposition: form-data; name=\"" .. name ..
	    "\"\r\n\r\n" .. value .. "\r\n"
end

function init(args)
	local nthreads = tonumber(os.getenv("SOAK_THREADS"))
	bodies = {}
	for line in io.lines(os.getenv("SOAK_CASES")) do
		local t, c = line:match("^(%d+) (%w+)$")
		if t then bodies[#bodies + 1] = "ticket=" .. t .. "&code=" .. c end
	end
	assert(#bodies > 0, "no cases")
	lookup_pos = (id * 7919) % #bodies

	local cookie
	cookie, tokens = thread_tokens(os.getenv("SOAK_TOKENS"), nthreads)
	token_pos = 0

	local p = assert(io.open(os.getenv("SOAK_PNG"), "rb"))
	local png = p:read("*a")
	p:close()
	-- Everything of a submission but the token, which comes first.
	submit_rest = part("category", "violation") .. part("standard", "energy") ..
	    part("industry", "steel") .. part("region", "220102") ..
	    part("subject_type", "enterprise") ..
	    part("subject_name", "长春某钢铁有限公司") ..
	    part("subject_address", "长春市南关区某路1号") ..
	    part("description", "该企业一号高炉仍在生产，属于应淘汰的落后产能，夜间排放浓烟。") ..
	    part("anonymous", "1") ..
	    "--" .. BOUNDARY .. "\r\nContent-Disposition: form-data; name=\"attachment\"; " ..
	    "filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n" .. png .. "\r\n" ..
	    "--" .. BOUNDARY .. "--\r\n"
	h_status = { ["Content-Type"] = "application/x-www-form-urlencoded" }
	h_submit = { ["Content-Type"] = "multipart/form-data; boundary=" .. BOUNDARY,
	             ["Cookie"] = "jubao_form=" .. cookie }
	h_get = {}

	local mix = os.getenv("SOAK_MIX") or "800 150"
	local a, b = mix:match("^(%d+) (%d+)$")
	w_status, w_pages = tonumber(a), tonumber(b)
	math.randomseed(os.time() + id * 104729)

	-- counters, read by done() through thread:get
	n_status, n_pages, n_submit, exhausted = 0, 0, 0, 0
	s2xx, s3xx, s4xx, s5xx, receipts, bad_receipts = 0, 0, 0, 0, 0, 0
	late = 0

	ack = assert(io.open(os.getenv("SOAK_ACK") .. "." .. id, "a"))

	local rate = tonumber(os.getenv("SOAK_RATE") or "0")
	interval = rate > 0 and 1000 * nthreads / rate or 0
end

function request()
	local r = math.random(1000)
	if r <= w_status then
		n_status = n_status + 1
		lookup_pos = lookup_pos % #bodies + 1
		return wrk.format("POST", "/jubao/status", h_status, bodies[lookup_pos])
	elseif r <= w_status + w_pages then
		n_pages = n_pages + 1
		return wrk.format("GET", PAGES[math.random(#PAGES)], h_get, nil)
	end
	n_submit = n_submit + 1
	token_pos = token_pos + 1
	local t = tokens[token_pos]
	if t == nil then
		-- Out of tokens: an invalid one, answered 403 and counted, never a repeated one.
		exhausted = exhausted + 1
		t = "exhausted"
	end
	return wrk.format("POST", "/jubao/submit", h_submit, part("csrf", t) .. submit_rest)
end

function response(status, headers, body)
	if status >= 500 then s5xx = s5xx + 1
	elseif status >= 400 then s4xx = s4xx + 1
	elseif status >= 300 then s3xx = s3xx + 1
	else s2xx = s2xx + 1 end
	if status == 200 and body then
		local t = body:match('class="ticket%-number">([^<]*)')
		if t then
			t = t:gsub("%D", "")
			if #t == 16 then
				receipts = receipts + 1
				ack:write(t, "\n")
				ack:flush()
			else
				bad_receipts = bad_receipts + 1
			end
		end
	end
end

-- Paced (SOAK_RATE > 0): each thread keeps a schedule of send times, one every `interval` ms,
-- and each of its connections takes the next slot. A thread more than a second behind its
-- schedule (the server slower than the rate) starts it again from now instead of catching up in
-- a burst, and counts it (late).
if tonumber(os.getenv("SOAK_RATE") or "0") > 0 then
	function delay()
		local now = now_ms()
		if next_at == nil then next_at = now end
		next_at = next_at + interval
		if next_at < now - 1000 then
			next_at = now
			late = late + 1
		end
		local d = next_at - now
		if d < 0 then return 0 end
		return math.floor(d)
	end
end

function done(summary, latency, requests)
	local sum = {}
	local names = { "n_status", "n_pages", "n_submit", "exhausted", "s2xx", "s3xx", "s4xx", "s5xx",
	                "receipts", "bad_receipts", "late" }
	for _, n in ipairs(names) do sum[n] = 0 end
	for _, t in ipairs(threads) do
		for _, n in ipairs(names) do sum[n] = sum[n] + (t:get(n) or 0) end
	end
	local e = summary.errors
	io.write(string.format("SOAK requests=%.0f duration_us=%.0f p50_us=%.0f p99_us=%.0f " ..
	    "max_us=%.0f connect=%.0f read=%.0f write=%.0f timeout=%.0f bad_status=%.0f",
	    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
	    latency.max, e.connect, e.read, e.write, e.timeout, e.status))
	for _, n in ipairs(names) do io.write(string.format(" %s=%.0f", n, sum[n])) end
	io.write("\n")
end
