package dev.gazette.article;

/** A section of the publication: what a piece is about (world, science, …). */
public record Section(long id, String slug, String name, String description) {

	/**
	 * The section whose page lists opinion: every piece of kind {@link ArticleKind#OPINION}, whatever section it is
	 * filed in. A publication without a section of this slug simply has no Opinion page.
	 */
	public static final String OPINION_SLUG = "opinion";

	/** Whether this is the Opinion section, whose page lists pieces by their kind. */
	public boolean listsOpinion() {
		return OPINION_SLUG.equals(slug);
	}
}
