package dev.gazette.account.internal;

import dev.gazette.mail.LinkTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Secrets generated on first start and kept in the database, so every node signs and checks alike. */
@Component
public class SiteSecrets {

	private final JdbcClient jdbc;

	public SiteSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public String get(String name) {
		jdbc.sql("insert into site_secret (name, secret) values (:name, :secret) on conflict do nothing")
			.param("name", name)
			.param("secret", LinkTokens.newToken())
			.update();
		return jdbc.sql("select secret from site_secret where name = :name").param("name", name).query(String.class).single();
	}
}
