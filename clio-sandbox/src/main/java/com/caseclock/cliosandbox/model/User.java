package com.caseclock.cliosandbox.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A Clio user of one firm. {@code rate} is the user's default hourly rate (lowest layer of the rate hierarchy).
 * Users are read-only through Clio's API (SPEC {@code paths["/users.json"]}); the sandbox changes them via its admin API.
 */
public final class User extends Entity {
    public String firstName;
    public String lastName;
    public String email;
    public boolean enabled = true;
    public boolean accountOwner;
    /** {@code Attorney} or {@code NonAttorney}. */
    public String subscriptionType = "Attorney";
    public List<String> roles = new ArrayList<>();
    public String timeZone = "America/New_York";
    /** Default hourly rate in the firm's currency; may be null. */
    public BigDecimal rate;

    public String name() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    public String initials() {
        StringBuilder sb = new StringBuilder();
        if (firstName != null && !firstName.isEmpty()) sb.append(firstName.charAt(0));
        if (lastName != null && !lastName.isEmpty()) sb.append(lastName.charAt(0));
        return sb.toString();
    }
}
