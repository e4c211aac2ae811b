-- wrk script for bench/spike.py's node kill: counts answers and errors (status 400 and above) per wall-clock
-- second, so the second after the kill can be told apart from the rest of the run.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    answers = {}
    errors = {}
end

function response(status, headers, body)
    local second = os.time()
    answers[second] = (answers[second] or 0) + 1
    if status >= 400 then
        errors[second] = (errors[second] or 0) + 1
    end
end

function done(summary, latency, requests)
    local all, failed = {}, {}
    for _, thread in ipairs(threads) do
        for second, n in pairs(thread:get("answers")) do all[second] = (all[second] or 0) + n end
        for second, n in pairs(thread:get("errors")) do failed[second] = (failed[second] or 0) + n end
    end
    for second, n in pairs(all) do
        io.write(string.format("second %d %d %d\n", second, n, failed[second] or 0))
    end
end
