/**
 * The rate-limit math as Lua, run atomically inside Redis: the same three algorithms, with the same arithmetic,
 * as core's MemoryRateLimitStore (read it side by side). Time is Redis's own clock (`TIME`), so every worker
 * measures windows against one clock; ARGV[1] overrides it (tests on a FakeClock).
 *
 * Keys, per window i: KEYS[3i-2] a hash with the window's state, KEYS[3i-1] a list of send times and KEYS[3i] the
 * send times that left the window last (sliding window; at most `limit`, oldest first, read by observations).
 * A window spec is 6 ARGV entries: algorithm, limit, intervalMs, burst, and the next two reset times of a
 * window with `resetAt` ('' when none; computed by the caller, which can run the JavaScript function).
 * An infinite wait (a cost that can never fit) is returned as -1.
 */
const PRELUDE = String.raw`
local INF = math.huge
local SPEC = 6

-- Appends count copies of a send time to a sends list (kept oldest first).
local function push_times(lkey, at, count)
  while count > 0 do
    local batch = {}
    for j = 1, math.min(count, 1000) do batch[j] = at end
    redis.call('RPUSH', lkey, unpack(batch))
    count = count - #batch
  end
end

local function now_ms()
  if ARGV[1] ~= '' then return tonumber(ARGV[1]) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function num(s)
  if s == nil or s == '' or s == false then return nil end
  return tonumber(s)
end

-- 17 significant digits: a double survives the round trip through a hash field exactly.
local function fmt(x)
  return string.format('%.17g', x)
end

local function spec(base, i)
  local o = base + (i - 1) * SPEC
  return {
    alg = ARGV[o], limit = tonumber(ARGV[o + 1]), interval = tonumber(ARGV[o + 2]), burst = num(ARGV[o + 3]),
    reset1 = num(ARGV[o + 4]), reset2 = num(ARGV[o + 5]),
    cfg = ARGV[o] .. '|' .. ARGV[o + 1] .. '|' .. ARGV[o + 2] .. '|' .. ARGV[o + 3],
    hkey = KEYS[3 * i - 2], lkey = KEYS[3 * i - 1], ekey = KEYS[3 * i],
  }
end

local function fixed_end(w, now)
  if w.reset1 and w.reset1 > now then return w.reset1 end
  if w.reset2 and w.reset2 > now then return w.reset2 end
  return (math.floor(now / w.interval) + 1) * w.interval
end

local function advance(st, now)
  local w = st.w
  if w.alg == 'sliding-window' then
    local cutoff = now - w.interval
    local left = 0
    while true do
      local first = redis.call('LINDEX', w.lkey, 0)
      if not first or tonumber(first) >= cutoff then break end
      redis.call('RPUSH', w.ekey, redis.call('LPOP', w.lkey))
      left = left + 1
    end
    if left > 0 then redis.call('LTRIM', w.ekey, -math.max(1, st.limit), -1) end
  elseif w.alg == 'fixed-window' then
    if now >= st.wend then
      st.used = 0
      st.wend = fixed_end(w, now)
    end
  else
    st.tokens = math.min(st.cap, st.tokens + (now - st.updated) * st.refill)
    st.updated = now
  end
end

-- A window's state; created fresh when absent or when its configuration changed.
local function load(w, now)
  local h = redis.call('HMGET', w.hkey, 'cfg', 'a', 'b', 'c', 'd')
  local st = { w = w }
  if h[1] ~= w.cfg then
    if w.alg == 'sliding-window' then
      st.limit = w.limit
      redis.call('DEL', w.lkey, w.ekey)
    elseif w.alg == 'fixed-window' then
      st.used = 0
      st.limit = w.limit
      st.wend = fixed_end(w, now)
    else
      st.cap = w.burst or w.limit
      st.tokens = st.cap
      st.refill = w.limit / w.interval
      st.updated = now
    end
  elseif w.alg == 'sliding-window' then
    st.limit = tonumber(h[2])
  elseif w.alg == 'fixed-window' then
    st.used, st.limit, st.wend = tonumber(h[2]), tonumber(h[3]), tonumber(h[4])
  else
    st.tokens, st.cap, st.refill, st.updated = tonumber(h[2]), tonumber(h[3]), tonumber(h[4]), tonumber(h[5])
  end
  advance(st, now)
  return st
end

-- Milliseconds until cost fits in this window (0 when it fits now, INF when it never will).
local function available(st, now, cost)
  local w = st.w
  if w.alg == 'sliding-window' then
    if cost > st.limit then return INF end
    local excess = redis.call('LLEN', w.lkey) + cost - st.limit
    if excess <= 0 then return 0 end
    local frees_at = (tonumber(redis.call('LINDEX', w.lkey, excess - 1)) or now) + w.interval
    return math.max(1, frees_at - now + 1)
  elseif w.alg == 'fixed-window' then
    if cost > st.limit then return INF end
    if st.used + cost <= st.limit then return 0 end
    return math.max(1, st.wend - now)
  end
  if cost > st.cap then return INF end
  if st.tokens >= cost then return 0 end
  return math.ceil((cost - st.tokens) / st.refill)
end

local function push_sends(w, now, count)
  push_times(w.lkey, now, count)
end

local function take(st, now, cost)
  local w = st.w
  if w.alg == 'sliding-window' then push_sends(w, now, cost)
  elseif w.alg == 'fixed-window' then st.used = st.used + cost
  else st.tokens = st.tokens - cost end
end

local function remaining(st)
  local w = st.w
  if w.alg == 'sliding-window' then return math.max(0, st.limit - redis.call('LLEN', w.lkey)) end
  if w.alg == 'fixed-window' then return math.max(0, st.limit - st.used) end
  return math.floor(st.tokens)
end

-- Writes the state back; idle keys expire once the window would be full again anyway.
local function save(st, now)
  local w = st.w
  local grace = 60000
  if w.alg == 'sliding-window' then
    redis.call('HSET', w.hkey, 'cfg', w.cfg, 'a', fmt(st.limit))
    redis.call('PEXPIRE', w.hkey, 2 * w.interval + grace)
    redis.call('PEXPIRE', w.lkey, 2 * w.interval + grace)
    redis.call('PEXPIRE', w.ekey, 2 * w.interval + grace)
  elseif w.alg == 'fixed-window' then
    redis.call('HSET', w.hkey, 'cfg', w.cfg, 'a', fmt(st.used), 'b', fmt(st.limit), 'c', fmt(st.wend))
    redis.call('PEXPIRE', w.hkey, math.max(0, st.wend - now) + w.interval + grace)
  else
    redis.call('HSET', w.hkey, 'cfg', w.cfg, 'a', fmt(st.tokens), 'b', fmt(st.cap), 'c', fmt(st.refill), 'd', fmt(st.updated))
    local refill_ms = math.ceil(math.max(0, st.cap - st.tokens) / st.refill)
    redis.call('PEXPIRE', w.hkey, math.min(refill_ms, 2592000000) + w.interval + grace)
  end
end
`;

/** ARGV: now, cost, window specs. Returns {granted, waitMs, refusedWindowIndex (1-based, 0 none), now, remaining...}. */
export const CONSUME_LUA = `${PRELUDE}
local now = now_ms()
local cost = tonumber(ARGV[2])
local n = #KEYS / 3
local states = {}
local wait, refused = 0, 0
for i = 1, n do
  local st = load(spec(3, i), now)
  states[i] = st
  local w = available(st, now, cost)
  if w > wait then
    wait = w
    refused = i
  end
end
local granted = 0
if wait == 0 then
  granted = 1
  for i = 1, n do take(states[i], now, cost) end
end
for i = 1, n do save(states[i], now) end
if wait == INF then wait = -1 end
local out = { granted, wait, refused, now }
for i = 1, n do out[4 + i] = remaining(states[i]) end
return out
`;

/**
 * ARGV: now, remaining, limit, resetInMs, refillPerSecond, mode, one window spec (6), then for a sliding window the
 * answer the last observation was ascribed to (grantedAt, at; '' when none) and this process's answers since
 * (grantedAt, at pairs, oldest first). Returns {now, grantedAt, at} of the answer this observation is ascribed to
 * ('' when none; sliding windows with a remaining count only).
 */
export const OBSERVE_LUA = `${PRELUDE}
local now = now_ms()
local st = load(spec(7, 1), now)
local w = st.w
local obs_remaining, obs_limit, reset_in, rps, exact = num(ARGV[2]), num(ARGV[3]), num(ARGV[4]), num(ARGV[5]), ARGV[6] == 'exact'
local ascribed = { '', '' }
if w.alg == 'sliding-window' then
  if obs_limit and obs_limit > 0 then st.limit = obs_limit end
  if obs_remaining then
    -- Requests the server counted that we did not (another client on the same account): record them now. The
    -- server counted when the answered request arrived, after it was granted; sends that left our window since
    -- then may still be in its count, and they are no unknown request (they have left the server's window too).
    -- The request is taken to be the oldest-granted one answered since the last observation within the interval
    -- (only the last st.limit answers count), or the one the last observation was ascribed to (core's
    -- MemoryRateLimitStore does the same).
    local recent = function(at) return at and now - at < w.interval end
    local skip = math.max(0, (#ARGV - 14) / 2 - st.limit)
    local g, a = nil, nil
    for k = 15 + 2 * skip, #ARGV - 1, 2 do
      local kg, ka = tonumber(ARGV[k]), tonumber(ARGV[k + 1])
      if recent(ka) and (g == nil or kg < g) then g, a = kg, ka end
    end
    if g == nil and recent(num(ARGV[14])) then g, a = num(ARGV[13]), num(ARGV[14]) end
    local known = redis.call('LLEN', w.lkey)
    if g ~= nil then
      ascribed = { fmt(g), fmt(a) }
      local cutoff = math.max(g, now - w.interval) - w.interval
      local expired = redis.call('LRANGE', w.ekey, 0, -1)
      for k = #expired, 1, -1 do
        if tonumber(expired[k]) <= cutoff then break end
        known = known + 1
      end
    end
    local missing = (st.limit - obs_remaining) - known
    if missing > 0 then push_sends(w, now, missing) end
  end
elseif w.alg == 'fixed-window' then
  if obs_limit and obs_limit > 0 then st.limit = obs_limit end
  if obs_remaining then
    local server_used = st.limit - obs_remaining
    if exact then st.used = server_used else st.used = math.max(st.used, server_used) end
  end
  if reset_in then st.wend = now + reset_in end
else
  if obs_limit and obs_limit > 0 then st.cap = obs_limit end
  if rps and rps > 0 then st.refill = rps / 1000 end
  if obs_remaining then
    if exact then st.tokens = math.min(st.cap, obs_remaining) else st.tokens = math.min(st.tokens, obs_remaining) end
  end
end
save(st, now)
return { now, ascribed[1], ascribed[2] }
`;

/**
 * KEYS: the sends lists of a key's sliding windows; ARGV: now, grantedAt, cost. Moves `cost` sends recorded at
 * `grantedAt` to now (the response's arrival): the API counted the request at some moment in between, so counting
 * it from now on can only be late, never early. Every recorded time is <= now, so the list stays sorted.
 */
export const COMPLETE_LUA = `${PRELUDE}
local now = now_ms()
local granted_at = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
if now <= granted_at then return now end
for i = 1, #KEYS do
  local moved = redis.call('LREM', KEYS[i], cost, granted_at)
  if moved > 0 then push_times(KEYS[i], now, moved) end
end
return now
`;

/** KEYS[1] the pause mark; ARGV: now, untilEpochMs. Keeps the later of the two marks. */
export const PAUSE_LUA = String.raw`
local now = ARGV[1] ~= '' and tonumber(ARGV[1]) or nil
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local until_ms = tonumber(ARGV[2])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ms > current then
  redis.call('SET', KEYS[1], string.format('%.17g', until_ms), 'PX', math.max(0, math.ceil(until_ms - now)) + 60000)
end
return 1
`;
