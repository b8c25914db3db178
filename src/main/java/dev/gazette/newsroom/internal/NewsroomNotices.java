package dev.gazette.newsroom.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.gazette.account.Account;
import dev.gazette.account.Accounts;
import dev.gazette.account.Role;
import dev.gazette.article.Manuscript;
import dev.gazette.article.Manuscripts;
import dev.gazette.mail.MailTemplates;
import dev.gazette.mail.Mailer;
import dev.gazette.newsroom.mail.PieceNotice;
import dev.gazette.publication.GazetteProperties;
import dev.gazette.publication.Publications;
import dev.gazette.newsroom.Notice;
import dev.gazette.newsroom.PieceNoticeDue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People are told: editors when a piece is submitted, the writer when an editor leaves a note, sends the piece back,
 * schedules or publishes it. Each notice is a row (the dashboard lists a person's latest) and, unless the person
 * turned that notice off or has no verified address, a mail in the outbox, written in the same transaction, after the
 * one that caused it committed (a module listener, retried from the event registry if the node dies first). The outbox
 * then delivers it like every other mail, through the job queue. No one is told of what they did themselves.
 */
@Service
public class NewsroomNotices {

	static final String CATEGORY = "newsroom-notice";

	static final String SETTINGS_PATH = "/settings/newsroom";

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Manuscripts manuscripts;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Publications publications;

	private final GazetteProperties site;

	public NewsroomNotices(JdbcClient jdbc, Accounts accounts, Manuscripts manuscripts, Mailer mailer, MailTemplates templates,
			Publications publications, GazetteProperties site) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.manuscripts = manuscripts;
		this.mailer = mailer;
		this.templates = templates;
		this.publications = publications;
		this.site = site;
	}

	/** A notice as the dashboard lists it. */
	public record Line(long articleId, Notice notice, String headline, String byName, Instant at, boolean mailed) {
	}

	@ApplicationModuleListener
	public void on(PieceNoticeDue due) {
		Notice notice = Notice.fromKey(due.notice());
		Manuscript piece = manuscripts.find(due.pieceId()).orElse(null);
		if (piece == null) {
			return;
		}
		String headline = oneLine(piece.copy().headline());
		for (Account recipient : recipients(notice, piece, due.byId())) {
			Long mailId = null;
			if (recipient.emailVerified() && !turnedOff(recipient.id()).contains(notice)) {
				String subject = notice.byWriter() ? "Submitted for review: " + headline
						: switch (notice) {
							case NOTE -> "A note on “" + headline + "”";
							case RETURNED -> "Sent back to draft: " + headline;
							case SCHEDULED -> "Scheduled: " + headline;
							default -> "Published: " + headline;
						};
				PieceNotice mail = new PieceNotice(publications.current().name(), recipient.displayName(), headline,
						notice.verb(), due.byName(), site.baseUrl() + "/admin/articles/" + piece.id(),
						subject.length() > 200 ? subject.substring(0, 199) + "…" : subject, site.baseUrl() + SETTINGS_PATH);
				mailId = mailer.send(templates.render(mail).to(recipient.email(), CATEGORY));
			}
			jdbc.sql("""
					insert into newsroom_notice (account_id, article_id, notice, headline, by_name, created_at, mail_id)
					values (:account, :article, :notice, :headline, :by, :at, :mail)""")
				.param("account", recipient.id())
				.param("article", piece.id())
				.param("notice", notice.key())
				.param("headline", headline.length() > 300 ? headline.substring(0, 300) : headline)
				.param("by", due.byName())
				.param("at", due.at().atOffset(ZoneOffset.UTC))
				.param("mail", mailId)
				.update();
		}
	}

	/** Editors (and admins) for a submission; else the piece's writer. Never the person who did it. */
	private List<Account> recipients(Notice notice, Manuscript piece, long byId) {
		List<Account> to = new ArrayList<>();
		if (notice.forEditors()) {
			to.addAll(accounts.withAnyRole(List.of(Role.EDITOR, Role.ADMIN)));
		}
		else if (piece.ownerId() != null) {
			accounts.find(piece.ownerId()).ifPresent(to::add);
		}
		to.removeIf(account -> account.id() == byId);
		return to;
	}

	/** The notices this person turned off for mail. */
	@Transactional(readOnly = true)
	public Set<Notice> turnedOff(long accountId) {
		Set<Notice> off = EnumSet.noneOf(Notice.class);
		jdbc.sql("select notice from newsroom_notice_off where account_id = :id")
			.param("id", accountId)
			.query(String.class)
			.list()
			.forEach(key -> off.add(Notice.fromKey(key)));
		return off;
	}

	/** Sets which notices this person gets by mail: those in {@code on}, of those they may get. */
	@Transactional
	public void choose(long accountId, Set<Notice> on) {
		jdbc.sql("delete from newsroom_notice_off where account_id = :id").param("id", accountId).update();
		for (Notice notice : Notice.values()) {
			if (!on.contains(notice)) {
				jdbc.sql("insert into newsroom_notice_off (account_id, notice) values (:id, :notice)")
					.param("id", accountId)
					.param("notice", notice.key())
					.update();
			}
		}
	}

	/** This person's latest notices, newest first. */
	@Transactional(readOnly = true)
	public List<Line> latest(long accountId, int limit) {
		return jdbc.sql("""
				select article_id, notice, headline, by_name, created_at, mail_id from newsroom_notice
				where account_id = :id order by created_at desc, id desc limit :limit""")
			.param("id", accountId)
			.param("limit", limit)
			.query((rs, n) -> new Line(rs.getLong("article_id"), Notice.fromKey(rs.getString("notice")),
					rs.getString("headline"), rs.getString("by_name"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("mail_id") != null))
			.list();
	}

	/** The notices one may get: editors hear of submissions, writers of what editors do. */
	public static List<Notice> forPerson(boolean editor, boolean writer) {
		List<Notice> notices = new ArrayList<>();
		for (Notice notice : Notice.values()) {
			if (notice.forEditors() ? editor : writer) {
				notices.add(notice);
			}
		}
		return notices;
	}

	private static String oneLine(String text) {
		return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
	}

}
