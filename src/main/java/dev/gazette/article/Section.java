package dev.gazette.article;

/** A section of the publication: what a piece is about (world, science, …). */
public record Section(long id, String slug, String name, String description) {

	/**
	 * The Opinion section's address: a section at {@code /sections/opinion}, or named "Opinion", lists opinion, that
	 * is every piece of kind {@link ArticleKind#OPINION}, whatever section it is filed in. A publication without such a
	 * section simply has no Opinion page.
	 */
	public static final String OPINION_SLUG = "opinion";

	/** Whether this is the Opinion section, whose page lists pieces by their kind. */
	public boolean listsOpinion() {
		return isOpinion(slug, name);
	}

	/** Whether a section of this address and name is the Opinion section. */
	public static boolean isOpinion(String slug, String name) {
		return OPINION_SLUG.equals(slug) || (name != null && name.strip().equalsIgnoreCase("Opinion"));
	}
}
