package com.caseclock.cliosandbox.model;

import java.time.LocalDate;

/** A Clio contact, {@code Person} or {@code Company} (SPEC {@code components.schemas.Contact_base}). */
public final class Contact extends Entity {
    /** {@code Person} or {@code Company}. */
    public String type = "Person";
    /** Company name; for a Person derived from first/middle/last names. */
    public String name;
    public String firstName;
    public String middleName;
    public String lastName;
    public String prefix;
    public String title;
    public LocalDate dateOfBirth;
    public String primaryEmailAddress;
    public String primaryPhoneNumber;
    public boolean isClient = true;
    public boolean isCoCounsel;
    public String clientReference;
    /** For a Person working at a Company: that company's contact id. */
    public Long companyId;

    /** Full name as Clio shows it: the company name, or the person's name parts. */
    public String displayName() {
        if ("Company".equals(type)) return name;
        StringBuilder sb = new StringBuilder();
        for (String p : new String[] {firstName, middleName, lastName}) {
            if (p != null && !p.isBlank()) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(p);
            }
        }
        return sb.length() == 0 ? name : sb.toString();
    }

    public String initials() {
        StringBuilder sb = new StringBuilder();
        if (firstName != null && !firstName.isEmpty()) sb.append(firstName.charAt(0));
        if (lastName != null && !lastName.isEmpty()) sb.append(lastName.charAt(0));
        return sb.toString();
    }
}
