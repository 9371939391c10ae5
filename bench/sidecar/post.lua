-- wrk script for run.sh's saturation runs: every request a POST of BODY_SIZE bytes (default 1024),
-- the same request the fixed-rate load generator sends.
wrk.method = "POST"
wrk.body = string.rep("x", tonumber(os.getenv("BODY_SIZE") or "1024"))
wrk.headers["Content-Type"] = "application/octet-stream"
