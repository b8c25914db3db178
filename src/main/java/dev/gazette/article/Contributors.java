package dev.gazette.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.gazette.mail.EmailAddresses;
import dev.gazette.portrait.Portraits;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.article.internal.ContributorsRepository;
import dev.gazette.article.internal.MastheadFields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.gazette.article.internal.MastheadFields.MAX_BIO;
import static dev.gazette.article.internal.MastheadFields.MAX_DESCRIPTION;
import static dev.gazette.article.internal.MastheadFields.MAX_NAME;
import static dev.gazette.article.internal.MastheadFields.MAX_TITLE;
import static dev.gazette.article.internal.MastheadFields.clean;
import static dev.gazette.article.internal.MastheadFields.optional;
import static dev.gazette.article.internal.MastheadFields.required;
import static dev.gazette.article.internal.MastheadFields.slug;
import static dev.gazette.article.internal.MastheadFields.slugProblem;
import static dev.gazette.article.internal.MastheadFields.tooLong;
import static dev.gazette.article.internal.MastheadFields.url;

/**
 * The newsroom's masthead of people and places: sections (in their order), tags, and author profiles with their
 * pictures, social links and linked accounts. Every change is checked whole before anything is written: a refused
 * change ({@link Refused}) changes nothing. Articles showing a changed section, tag or author are refreshed at once.
 * How each field is cleaned and checked is {@link MastheadFields}. Sections, tags and authors stay in one service
 * (a little over 300 lines): the masthead pages and the newsroom reach them together, and each part is short.
 */
@Service
public class Contributors {

	/** A section with its place in the order and how many articles (in any state) it holds. */
	public record SectionLine(Section section, int position, long articles) {
	}

	/** A tag and how many articles carry it. */
	public record TagLine(long id, String slug, String name, long articles) {
	}

	/** A section as the form gives it; a blank slug is made from the name. */
	public record SectionInput(String name, String slug, String description) {
	}

	/** An author profile as the form gives it; blank texts mean none, a blank slug is made from the name. */
	public record AuthorInput(String displayName, String slug, String title, String bio, String websiteUrl,
			String mastodonUrl, String xUrl, String blueskyUrl, String linkedinUrl, String email, Long accountId) {
	}

	private final ContributorsRepository repository;

	private final ArticleCatalog catalog;

	private final ApplicationEventPublisher events;

	Contributors(ContributorsRepository repository, ArticleCatalog catalog, ApplicationEventPublisher events) {
		this.repository = repository;
		this.catalog = catalog;
		this.events = events;
	}

	/** A section's, tag's or author's new name or address shows in these articles: search indexes hear of it. */
	private void changed(List<Long> articleIds) {
		articleIds.forEach(id -> events.publishEvent(new ArticleChanged(id)));
	}

	// --- sections

	@Transactional(readOnly = true)
	public List<SectionLine> sections() {
		return repository.sections();
	}

	@Transactional(readOnly = true)
	public Optional<SectionLine> section(long id) {
		return repository.sections().stream().filter(line -> line.section().id() == id).findFirst();
	}

	/**
	 * Creates a section (last in the order) or changes one.
	 * @param id the section to change, or {@code null} for a new one
	 * @throws Refused when a field is invalid or the slug is taken
	 */
	@Transactional
	public Section saveSection(Long id, SectionInput input) {
		String name = clean(input.name());
		String slug = slug(input.slug(), name);
		String description = optional(input.description());
		List<FieldProblem> problems = new ArrayList<>();
		required(problems, "name", name, MAX_NAME, "a name");
		slugProblem(slug).ifPresent(message -> problems.add(new FieldProblem("slug", message)));
		if (problems.stream().noneMatch(p -> p.field().equals("slug")) && repository.sectionSlugTaken(slug, id)) {
			problems.add(new FieldProblem("slug", "Another section already has the address “" + slug + "”."));
		}
		tooLong(problems, "description", description, MAX_DESCRIPTION);
		refuseIf(problems);
		long saved;
		if (id == null) {
			saved = catalog.addSection(slug, name, description, repository.nextSectionPosition()).id();
		}
		else {
			if (!repository.updateSection(id, slug, name, description)) {
				throw new Refused("There is no such section.");
			}
			changed(repository.touchArticlesInSection(id));
			saved = id;
		}
		catalog.sectionsChanged();
		return new Section(saved, slug, name, description);
	}

	/**
	 * Moves a section one place up ({@code -1}) or down ({@code 1}) in the order readers see in the navigation.
	 */
	@Transactional
	public void moveSection(long id, int by) {
		List<SectionLine> lines = new ArrayList<>(repository.sections());
		int from = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).section().id() == id) {
				from = i;
			}
		}
		if (from < 0) {
			throw new Refused("There is no such section.");
		}
		int to = Math.max(0, Math.min(lines.size() - 1, from + Integer.signum(by)));
		lines.add(to, lines.remove(from));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).position() != i) {
				repository.setPosition(lines.get(i).section().id(), i);
			}
		}
		catalog.sectionsChanged();
	}

	/** Deletes a section that holds no article. @throws Refused when it holds some */
	@Transactional
	public void deleteSection(long id) {
		SectionLine line = section(id).orElseThrow(() -> new Refused("There is no such section."));
		if (line.articles() > 0) {
			throw new Refused("“" + line.section().name() + "” still holds " + line.articles()
					+ (line.articles() == 1 ? " article" : " articles")
					+ ". Move them to another section first; only an empty section can be deleted.");
		}
		repository.deleteSection(id);
		catalog.sectionsChanged();
	}

	// --- tags

	@Transactional(readOnly = true)
	public List<TagLine> tags() {
		return repository.tags();
	}

	/**
	 * Renames a tag; its address follows the new name. @throws Refused when the name is blank or too long, or
	 * another tag already has that address (merge them instead)
	 */
	@Transactional
	public void renameTag(long id, String newName) {
		TagLine tag = repository.tag(id).orElseThrow(() -> new Refused("There is no such tag."));
		String name = clean(newName);
		List<FieldProblem> problems = new ArrayList<>();
		required(problems, "name", name, MAX_NAME, "a name");
		String slug = Slugs.of(name);
		if (problems.isEmpty() && slug.isEmpty()) {
			problems.add(new FieldProblem("name", "A tag name needs at least one letter or digit."));
		}
		if (problems.isEmpty() && repository.tagIdBySlug(slug).filter(other -> other != id).isPresent()) {
			problems.add(new FieldProblem("name", "Another tag is already called that; merge the two instead."));
		}
		refuseIf(problems);
		repository.renameTag(tag.id(), slug, name);
		changed(repository.touchArticlesTagged(id));
	}

	/** Moves every article of one tag to another and removes the first. */
	@Transactional
	public void mergeTag(long from, long into) {
		if (from == into) {
			throw new Refused("A tag cannot be merged into itself.");
		}
		repository.tag(from).orElseThrow(() -> new Refused("There is no such tag."));
		repository.tag(into).orElseThrow(() -> new Refused("There is no tag to merge into."));
		changed(repository.touchArticlesTagged(from));
		repository.mergeTag(from, into);
	}

	/** Deletes a tag no article carries. @throws Refused when some do */
	@Transactional
	public void deleteTag(long id) {
		TagLine tag = repository.tag(id).orElseThrow(() -> new Refused("There is no such tag."));
		if (tag.articles() > 0) {
			throw new Refused("“" + tag.name() + "” is on " + tag.articles() + (tag.articles() == 1 ? " article" : " articles")
					+ "; only an unused tag can be deleted. Merge it into another tag instead.");
		}
		repository.deleteTag(id);
	}

	// --- authors

	@Transactional(readOnly = true)
	public List<AuthorProfile> authors() {
		return repository.authors();
	}

	@Transactional(readOnly = true)
	public Optional<AuthorProfile> author(long id) {
		return repository.author(id);
	}

	/**
	 * Whether an author's name looks like {@code name} to a reader (same letters up to case, diacritics, confusable
	 * characters and invisible ones: {@link dev.gazette.publication.NameLikeness}).
	 */
	// No read-only transaction: one statement, and on PostgreSQL a transaction is two more round trips (BEGIN, COMMIT)
	// on every comment post, whose screening asks this.
	public boolean nameInUse(String name) {
		String key = dev.gazette.publication.NameLikeness.key(name);
		return !key.isEmpty() && repository.nameKeyTaken(key);
	}

	/** An author's full profile by the slug of their page. */
	@Transactional(readOnly = true)
	public Optional<AuthorProfile> profile(String slug) {
		return repository.author(slug);
	}

	/** The author profile of an account (one author per account): the byline an account writes under. */
	@Transactional(readOnly = true)
	public Optional<AuthorProfile> authorOfAccount(long accountId) {
		return repository.authorOfAccount(accountId);
	}

	/**
	 * Creates or changes an author profile.
	 * @param id the author to change, or {@code null} for a new one
	 * @throws Refused when a field is invalid, the slug is taken or the account already has an author profile
	 */
	@Transactional
	public AuthorProfile saveAuthor(Long id, AuthorInput input) {
		String name = clean(input.displayName());
		AuthorInput in = new AuthorInput(name, slug(input.slug(), name), optional(input.title()), optional(input.bio()),
				optional(input.websiteUrl()), optional(input.mastodonUrl()), optional(input.xUrl()),
				optional(input.blueskyUrl()), optional(input.linkedinUrl()), optional(input.email()), input.accountId());
		List<FieldProblem> problems = new ArrayList<>();
		required(problems, "displayName", name, MAX_NAME, "a display name");
		slugProblem(in.slug()).ifPresent(message -> problems.add(new FieldProblem("slug", message)));
		if (problems.stream().noneMatch(p -> p.field().equals("slug")) && repository.authorSlugTaken(in.slug(), id)) {
			problems.add(new FieldProblem("slug", "Another author already has the address “" + in.slug() + "”."));
		}
		tooLong(problems, "title", in.title(), MAX_TITLE);
		tooLong(problems, "bio", in.bio(), MAX_BIO);
		url(problems, "websiteUrl", in.websiteUrl());
		url(problems, "mastodonUrl", in.mastodonUrl());
		url(problems, "xUrl", in.xUrl());
		url(problems, "blueskyUrl", in.blueskyUrl());
		url(problems, "linkedinUrl", in.linkedinUrl());
		if (in.email() != null && !EmailAddresses.isValid(in.email())) {
			problems.add(new FieldProblem("email", "That does not look like an e-mail address."));
		}
		if (in.accountId() != null && repository.accountLinkedElsewhere(in.accountId(), id)) {
			problems.add(new FieldProblem("accountEmail", "That account already writes as another author."));
		}
		refuseIf(problems);
		long saved;
		if (id == null) {
			saved = repository.insertAuthor(in);
		}
		else {
			repository.author(id).orElseThrow(() -> new Refused("There is no such author."));
			repository.updateAuthor(id, in);
			changed(repository.touchArticlesBy(id));
			saved = id;
		}
		return repository.author(saved).orElseThrow();
	}

	/**
	 * Gives an author an uploaded picture, cropped to a square and re-encoded as PNG (which drops any location data).
	 * @throws Refused when the upload is not a picture or is too large
	 */
	@Transactional
	public void setPicture(long authorId, byte[] upload) {
		repository.author(authorId).orElseThrow(() -> new Refused("There is no such author."));
		byte[] png;
		try {
			png = Portraits.square(upload);
		}
		catch (Portraits.Unusable ex) {
			throw new Refused(ex.getMessage(), List.of(new FieldProblem("picture", ex.getMessage())));
		}
		repository.setPicture(authorId, png);
		repository.touchArticlesBy(authorId);
	}

	/** An author's uploaded picture as PNG. */
	@Transactional(readOnly = true)
	public Optional<byte[]> picture(long authorId) {
		return repository.picture(authorId);
	}

	private static void refuseIf(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new Refused("Please check what is marked.", problems);
		}
	}
}
