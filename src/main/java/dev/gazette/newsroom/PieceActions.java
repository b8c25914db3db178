package dev.gazette.newsroom;

/**
 * What one person may do with one piece in its current state, so that a page offers exactly the buttons that will
 * work (the workflow still checks every request).
 */
public record PieceActions(boolean edit, boolean submit, boolean review, boolean publish, boolean schedule,
		boolean unpublish, boolean returnToDraft, boolean note) {

	/** Whether any move through the workflow is open. */
	public boolean anyMove() {
		return submit || review || publish || schedule || unpublish || returnToDraft;
	}
}
