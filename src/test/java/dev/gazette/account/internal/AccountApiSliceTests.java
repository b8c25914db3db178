package dev.gazette.account.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.gazette.account.Account;
import dev.gazette.account.AccountPrincipal;
import dev.gazette.account.AccountProblem;
import dev.gazette.account.Accounts;
import dev.gazette.account.ApiTokens;
import dev.gazette.account.Registration;
import dev.gazette.account.Role;
import dev.gazette.account.SignUp;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.support.WebSlice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The accounts API ({@code /api/v1/me}, {@code /api/v1/accounts}) as a web slice ({@link WebSlice}): the API chain's
 * bearer tokens and its 401 problem JSON, and sign-up's refusals through {@code web.ApiProblems}. {@link Accounts} and
 * {@link Registration} are {@code @MockitoBean}s because both read and write the account tables, and the slice's
 * {@link ApiTokens} is its stand-in for the token table; tokens made and revoked for real are {@code AccountApiTests}'
 * subject, in the shared Gazette.
 */
@WebSlice
@Import(AccountApi.class)
class AccountApiSliceTests {

	private static final Account EDITOR = new Account(42, "eda@example.com", "Eda Editor", "Harbour stories.",
			Set.of(Role.EDITOR), true, false, false, false, Instant.parse("2018-01-01T00:00:00Z"), 3);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	Registration registration;

	@Test
	void withoutATokenMeIs401ProblemJsonSayingHowToSignIn() throws Exception {
		mvc.perform(get("/api/v1/me").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value("Sign in with a personal access token: Authorization: Bearer <token>."));
	}

	@Test
	void aTokenNobodyHoldsIs401() throws Exception {
		when(tokens.authenticate("made-up")).thenReturn(Optional.empty());

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer made-up").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The access token is not valid: it may have been revoked."));
		verify(accounts, never()).find(42);
	}

	@Test
	void aTokensHolderIsToldWhoTheyAre() throws Exception {
		when(tokens.authenticate("eda-s-token")).thenReturn(Optional.of(new AccountPrincipal(EDITOR, "{noop}-")));
		when(accounts.find(42)).thenReturn(Optional.of(EDITOR));

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer eda-s-token").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(42))
			.andExpect(jsonPath("$.displayName").value("Eda Editor"))
			.andExpect(jsonPath("$.roles[0]").value("editor"))
			.andExpect(jsonPath("$.profileUrl").value("/people/42"));
	}

	@Test
	void aSignUpIsAcceptedWith202WhateverTheAddress() throws Exception {
		mvc.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"new@example.com\", \"displayName\": \"New Reader\", \"password\": \"Blue harbour lamps\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.message").isNotEmpty());

		verify(registration).signUp(new SignUp("new@example.com", "New Reader", "Blue harbour lamps"));
	}

	@Test
	void aRefusedSignUpIs400ProblemJsonNamingTheField() throws Exception {
		doThrow(new AccountProblem("The password is too weak.",
				List.of(new FieldProblem("password", "Use at least 12 characters."))))
			.when(registration).signUp(any());

		mvc.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"new@example.com\", \"displayName\": \"New\", \"password\": \"short\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value("Use at least 12 characters."));
	}

	@Test
	void aSignUpWithAFieldOfTheWrongShapeIsRefusedBeforeRegistrationIsAsked() throws Exception {
		mvc.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": [\"new@example.com\"], \"displayName\": \"New\", \"password\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("email"))
			.andExpect(jsonPath("$.errors[0].message").value("email has the wrong type or format."));

		verify(registration, never()).signUp(any());
	}
}
