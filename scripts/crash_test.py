#!/usr/bin/env python3
"""crash_test.py ORGLENS [ROUNDS]: SIGKILLs `orglens run` at random points (publishing steps widened by the
test-only ORGLENS_TEST_PUBLISH_PAUSE_US) while reader threads open latest/ the way a dashboard does: open the
`latest` directory once, then its files relative to it. Every run publishes a different org (one more person
each time), so a reader can tell a mixed run: dashboard.json's people must equal manifest.json's rows read.

Fails on any ENOENT, any mixed run, or a lost run (latest missing, dangling, or older than the last run that
finished). Then kills runs exactly between their folder's rename into runs/ and the `latest` switch: such a night
was never published, so the next run must neither compare with it nor put it in history/trend.ndjson, and every
trend line must stay valid JSON. Exit 0 and a one-line summary otherwise."""
import json, os, random, signal, subprocess, sys, tempfile, threading, time


def write_people(directory, count):
    rows = ["employee_id,manager_id"] + [f"E{i},{'' if i == 0 else 'E' + str((i - 1) // 4)}" for i in range(count)]
    path = os.path.join(directory, "people.csv")
    with open(path + ".tmp", "w") as out:
        out.write("\n".join(rows) + "\n")
    os.replace(path + ".tmp", path)


def reader(root, stop, counts):
    reader_of(os.path.join(root, "latest"), stop, counts)


def reader_of(latest, stop, counts):
    while not stop.is_set():
        try:
            fd = os.open(latest, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:
            counts["enoent"] += 1
            continue
        try:
            with os.fdopen(os.open("dashboard.json", os.O_RDONLY, dir_fd=fd)) as f:
                dashboard = json.load(f)
            with os.fdopen(os.open("manifest.json", os.O_RDONLY, dir_fd=fd)) as f:
                manifest = json.load(f)
            counts["reads"] += 1
            if dashboard["summary"]["people"] != manifest["inputs"][0]["rows_read"]:
                counts["mixed"] += 1
        except FileNotFoundError:
            counts["enoent"] += 1
        except (json.JSONDecodeError, KeyError):
            counts["mixed"] += 1
        finally:
            os.close(fd)


def main(orglens, rounds):
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as scratch:
        pipeline = os.path.join(scratch, "p.yml")
        with open(pipeline, "w") as f:
            # The org grows by one person a run while most runs are killed: joiners pile up against the last
            # published night, which is what the joiner gate is for; here it would only stop the kills being tested.
            f.write("sources: {people: {path: people.csv}}\noutputs: {directory: out, keep: 2}\n"
                    "gates: {max_joiner_share: null}\n")
        root = os.path.join(scratch, "out")
        people = 40
        write_people(scratch, people)
        subprocess.run([orglens, "run", pipeline, "--as-of", "2026-11-01", "--quiet"], check=True, stdout=subprocess.DEVNULL)
        published = people
        counts = {"reads": 0, "enoent": 0, "mixed": 0}
        stop = threading.Event()
        threads = [threading.Thread(target=reader, args=(root, stop, counts)) for _ in range(2)]
        for thread in threads:
            thread.start()
        kills = finished = lost = 0
        env = dict(os.environ, ORGLENS_TEST_PUBLISH_PAUSE_US=str(20000))
        for round in range(rounds):
            people += 1
            write_people(scratch, people)
            day = f"2026-11-{1 + round % 3:02d}"  # same-day reruns and new days alike
            process = subprocess.Popen([orglens, "run", pipeline, "--as-of", day, "--quiet"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, env=env)
            if rng.random() < 0.7:
                time.sleep(rng.uniform(0.0, 0.25))
                process.send_signal(signal.SIGKILL)
            code = process.wait()
            if code == 0:
                finished += 1
                published = people
            elif code == -signal.SIGKILL:
                kills += 1
            # Latest is whole and no older than the last run that finished.
            try:
                with open(os.path.join(root, "latest", "dashboard.json")) as f:
                    now = json.load(f)["summary"]["people"]
                if now < published:
                    lost += 1
            except (FileNotFoundError, json.JSONDecodeError):
                lost += 1
        stop.set()
        for thread in threads:
            thread.join()
        # analyze --out: the whole set switches at once, so a reader of the folder never mixes two runs.
        out = os.path.join(scratch, "analyze-out")
        subprocess.run([orglens, "analyze", "--people", os.path.join(scratch, "people.csv"), "--out", out, "--quiet"],
                       check=True, stdout=subprocess.DEVNULL)
        stop = threading.Event()
        os.symlink(out, os.path.join(scratch, "analyze-latest"))
        readers = [threading.Thread(target=reader_of, args=(os.path.join(scratch, "analyze-latest"), stop, counts)) for _ in range(2)]
        for thread in readers:
            thread.start()
        for round in range(rounds // 2):
            people += 1
            write_people(scratch, people)
            process = subprocess.Popen([orglens, "analyze", "--people", os.path.join(scratch, "people.csv"), "--out", out, "--quiet"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            if rng.random() < 0.7:
                time.sleep(rng.uniform(0.0, 0.2))
                process.send_signal(signal.SIGKILL)
            process.wait()
        stop.set()
        for thread in readers:
            thread.join()
        leftovers_analyze = [name for name in os.listdir(scratch) if ".incoming-" in name] + \
            [name for name in os.listdir(out) if ".tmp-" in name]
        subprocess.run([orglens, "analyze", "--people", os.path.join(scratch, "people.csv"), "--out", out, "--quiet"],
                       check=True, stdout=subprocess.DEVNULL)
        leftovers_analyze = [name for name in os.listdir(scratch) if ".incoming-" in name] + \
            [name for name in os.listdir(out) if ".tmp-" in name]
        # The next run cleans up whatever the killed ones left.
        subprocess.run([orglens, "run", pipeline, "--as-of", "2026-11-04", "--quiet"], check=True, stdout=subprocess.DEVNULL)
        leftovers = [name for name in os.listdir(root) if name.startswith(".incoming-") or name.startswith(".latest-")]
        leftovers += leftovers_analyze
        trend_bad = kill_between_rename_and_switch(orglens, pipeline, root, scratch, people)
        print(f"crash test: {rounds} runs and {rounds // 2} analyze runs, {kills} killed, {finished} finished; {counts['reads']} reads of latest/: "
              f"{counts['enoent']} ENOENT, {counts['mixed']} mixed, {lost} lost, {len(leftovers)} leftovers; "
              f"{trend_bad} trend problems after kills between rename and switch")
        sys.exit(1 if counts["enoent"] or counts["mixed"] or lost or leftovers or trend_bad or counts["reads"] == 0 else 0)


def kill_between_rename_and_switch(orglens, pipeline, root, scratch, people, rounds=3):
    """Each round: a run of a new day killed once its folder is in runs/ (before `latest` switches), then a run of
    the day after that finishes. Returns the problems found (0 when the trend and the comparison are right)."""
    runs = os.path.join(root, "runs")
    env = dict(os.environ, ORGLENS_TEST_PUBLISH_PAUSE_US=str(1500000))
    problems = 0
    for round in range(rounds):
        killed_day, next_day = f"2026-12-{10 + 2 * round:02d}", f"2026-12-{11 + 2 * round:02d}"
        people += 1
        write_people(scratch, people)
        before = set(os.listdir(runs))
        latest_before = os.readlink(os.path.join(root, "latest"))
        process = subprocess.Popen([orglens, "run", pipeline, "--as-of", killed_day, "--quiet"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.time() + 60
        while time.time() < deadline and not any(n.startswith(killed_day + ".") for n in set(os.listdir(runs)) - before):
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if os.readlink(os.path.join(root, "latest")) != latest_before:
            problems += 1
        people += 1
        write_people(scratch, people)
        subprocess.run([orglens, "run", pipeline, "--as-of", next_day, "--quiet"], check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(root, "latest", "dashboard.json")) as f:
            if json.load(f)["changes"]["previous_as_of"] == killed_day:
                problems += 1
        with open(os.path.join(root, "history", "trend.ndjson")) as f:
            for line in f:
                try:
                    if json.loads(line)["as_of"] == killed_day:
                        problems += 1
                except (json.JSONDecodeError, KeyError):
                    problems += 1
    return problems


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60)
