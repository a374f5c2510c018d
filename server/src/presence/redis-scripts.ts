/**
 * The presence store's Lua scripts: each runs atomically in Redis, so a change, a renewal or a
 * push claim never sees another half done. Keys of one issue (KEYS): 1 this process's counts
 * (hash field → count), 2 the live processes (sorted set pid → expiry in ms), 3 meta (hash:
 * `seq`, the change number; `pushed`, the last one pushed). Times come from Redis' clock.
 */

/** Shared prologue: `now` in ms and the meta's change number started at the clock when absent. */
const PROLOGUE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
local function bump()
  if redis.call('HEXISTS', KEYS[3], 'seq') == 0 then redis.call('HSET', KEYS[3], 'seq', now) end
  local seq = redis.call('HINCRBY', KEYS[3], 'seq', 1)
  redis.call('PEXPIRE', KEYS[3], ttl)
  return seq
end
local function alive()
  redis.call('ZADD', KEYS[2], now + ttl, ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[1], ttl)
end
`;

/** ARGV: pid, ttl, then field, delta pairs. Returns the new change number. */
export const CHANGE = `${PROLOGUE}
for i = 3, #ARGV, 2 do
  if redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) <= 0 then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
alive()
return bump()
`;

/** ARGV: pid, ttl, then field, count pairs (this process's counts, outright). */
export const REPLACE = `${PROLOGUE}
redis.call('DEL', KEYS[1])
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
alive()
return bump()
`;

/**
 * ARGV: pid, ttl, '1' when this process has viewers of the issue ('0': it only has subscribers
 * of its viewers). Renews this process's entries; removes expired processes. Returns -1 when
 * this process's counts were gone (Redis lost them), the new change number when another process
 * expired (its viewers left: push), else 0.
 */
export const RENEW = `${PROLOGUE}
local expired = redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if ARGV[3] == '1' then
  if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
  alive()
else
  -- Only watching: keep the live set until its members' own expiry is seen here.
  redis.call('PEXPIRE', KEYS[2], ttl)
end
if expired > 0 then return bump() end
redis.call('PEXPIRE', KEYS[3], ttl)
return 0
`;

/**
 * Reads every live process's counts: {seq, anonymous, user ids...} (a table built in place: no
 * unpack, which fails beyond a few thousand values). ARGV[3]: counts key prefix.
 */
const READ = `
local out = {tonumber(redis.call('HGET', KEYS[3], 'seq') or '0'), 0}
local users = {}
for _, pid in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. now, '+inf')) do
  local pairs_ = redis.call('HGETALL', ARGV[3] .. pid)
  for i = 1, #pairs_, 2 do
    local field, count = pairs_[i], tonumber(pairs_[i + 1])
    if count > 0 then
      if field == 'anon' then out[2] = out[2] + count
      elseif users[field] == nil then users[field] = true; table.insert(out, string.sub(field, 3)) end
    end
  end
end
return out
`;

/** ARGV: pid, ttl, counts key prefix. Returns {seq, anonymous, user ids...}. */
export const READ_VIEWERS = `${PROLOGUE}
local function read()
${READ}
end
return read()
`;

/**
 * ARGV: pid, ttl, counts key prefix, the caller's change number, push interval ms; KEYS[4]: the
 * claim. {0}: that change was pushed; {1, ms}: wait; {2, seq, anonymous, user ids...}: push it.
 */
export const CLAIM_PUSH = `${PROLOGUE}
local function read()
${READ}
end
if tonumber(ARGV[4]) <= tonumber(redis.call('HGET', KEYS[3], 'pushed') or '0') then return {0} end
local wait = redis.call('PTTL', KEYS[4])
if wait > 0 then return {1, wait} end
redis.call('SET', KEYS[4], '1', 'PX', ARGV[5])
local viewers = read()
redis.call('HSET', KEYS[3], 'pushed', viewers[1])
redis.call('PEXPIRE', KEYS[3], ttl)
table.insert(viewers, 1, 2)
return viewers
`;
