package com.caseclock.connector.client;

/**
 * A Clio user as {@code users/who_am_i} describes them (Clio's {@code User} schema).
 *
 * @param clioUserId Clio's user id
 * @param name       display name
 * @param email      login e-mail
 * @param timeZone   the user's time zone in Clio (IANA name as Clio gives it), may be null
 */
public record ClioUser(long clioUserId, String name, String email, String timeZone) {
}
