package dev.gazette.article.internal;

import dev.gazette.publication.NameKeyMigration;
import org.springframework.stereotype.Component;

/** Migration 19.2: the name keys of the authors that existed before migration 19. */
@Component
public class AuthorNameKeys extends NameKeyMigration {

	public AuthorNameKeys() {
		super("19.2", "author");
	}
}
