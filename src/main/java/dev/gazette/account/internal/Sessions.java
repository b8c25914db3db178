package dev.gazette.account.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account, on every node (sessions live in the database): after its roles change, its
 * password is reset, its address changes or it is deleted, nobody keeps acting with what it was before.
 */
@Component
public class Sessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	public Sessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public void endAll(String email) {
		sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
	}

	/** Ends every session of the account but {@code keep} (the one making the change; null keeps none). */
	public void endAllExcept(String email, String keep) {
		sessions.findByPrincipalName(email).keySet().stream().filter(id -> !id.equals(keep)).forEach(sessions::deleteById);
	}
}
