package dev.gazette.jobs.internal;

import dev.gazette.jobs.BackOff;
import dev.gazette.jobs.Job;
import dev.gazette.jobs.JobHandler;
import dev.gazette.jobs.JobKind;
import dev.gazette.jobs.JobResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A job kind of the tests' own: a note, which fails while its text says so ("fail…" is retried, "refuse…" is dead at
 * once) until {@link #healed} is set. Polled hourly and left for the poll after a commit, so runs happen when a test
 * asks for them; three runs, one and five minutes apart; claims last ten minutes.
 */
class Notes implements JobHandler<Notes.Note> {

	record Note(String text) {
	}

	final List<String> runs = new CopyOnWriteArrayList<>();

	volatile boolean healed;

	private final JobKind<Note> kind;

	Notes(String kindName) {
		this.kind = JobKind
			.of(kindName, Note.class, new BackOff(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)), 3),
					Duration.ofHours(1))
			.claimedFor(Duration.ofMinutes(10))
			.atNextPoll();
	}

	@Override
	public JobKind<Note> kind() {
		return kind;
	}

	@Override
	public JobResult run(Job<Note> job) {
		runs.add(job.payload().text());
		if (!healed && job.payload().text().startsWith("refuse")) {
			return JobResult.giveUp("refused: " + job.payload().text());
		}
		if (!healed && job.payload().text().startsWith("fail")) {
			throw new IllegalStateException("the far end is away");
		}
		return JobResult.DONE;
	}
}
