package dev.gazette.article;

import dev.gazette.publication.NameKeyMigration;
import org.springframework.stereotype.Component;

/** Migration 19.2: the name keys of the authors that existed before migration 19. */
@Component
class AuthorNameKeys extends NameKeyMigration {

	AuthorNameKeys() {
		super("19.2", "author");
	}
}
