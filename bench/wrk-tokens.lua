-- bench/wrk-tokens.lua: what the wrk scripts that submit reports (bench/run.sh's submit.lua,
-- bench/soak.lua) share, loaded with dofile by each: every thread's id and its place in the
-- global threads table (done() sums their counters), and each thread's share of a token file.

threads = {}
local counter = 0
function setup(thread)
	thread:set("id", counter)
	counter = counter + 1
	table.insert(threads, thread)
end

-- thread_tokens(PATH, NTHREADS): the form cookie (the first line of PATH, a file from
-- bench/tokens) and this thread's tokens: thread n takes tokens n, n+T, n+2T... of the lines
-- after it, so that no token is sent twice.
function thread_tokens(path, nthreads)
	local f = assert(io.open(path, "r"))
	local cookie = f:read("*l")
	local i = 0
	local mine = {}
	for line in f:lines() do
		if i % nthreads == id then mine[#mine + 1] = line end
		i = i + 1
	end
	f:close()
	return cookie, mine
end
