package dev.gazette.jobs;

/** How a run ended. An exception the handler did not expect counts as a failure worth retrying. */
public sealed interface JobResult {

	JobResult DONE = new Done();

	static JobResult retry(String error) {
		return new Failed(error, false);
	}

	/** A failure that retrying will not cure (a mailbox that does not exist): the job is dead at once. */
	static JobResult giveUp(String error) {
		return new Failed(error, true);
	}

	record Done() implements JobResult {
	}

	record Failed(String error, boolean permanent) implements JobResult {
	}
}
