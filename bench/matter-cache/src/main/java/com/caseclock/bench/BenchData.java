package com.caseclock.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import com.caseclock.events.CustomRateType;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterRateEntry;
import com.caseclock.events.MatterSnapshot;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Money;

/** Deterministic synthetic matters: realistic names, descriptions and display numbers. */
final class BenchData {

    static final String[] SURNAMES = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez "
            + "Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White "
            + "Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
            + "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans "
            + "Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez "
            + "Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks "
            + "Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long "
            + "Ross Foster Jimenez Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
            + "Koch Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange "
            + "Schmitt Werner Krause Meier Lehmann Köhler Dubois Lefèvre Moreau Laurent Girard Bonnet François "
            + "Mercier Blanc Guérin Faure Rousseau O'Brien O'Connor McCarthy Murray Quinn Byrne Ryan Doyle "
            + "Kowalski Nowak Wiśniewski Novák Svoboda Horváth Nagy Rossi Russo Ferrari Esposito Bianchi Romano "
            + "Colombo Ricci Marino Greco Bruno Gallo Conti De Luca Costa Silva Santos Oliveira Souza Pereira "
            + "Almeida Nakamura Tanaka Suzuki Takahashi Watanabe Yamamoto Chen Wang Zhang Liu Singh Kumar Shah")
            .split(" ");
    static final String[] FIRST = ("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William "
            + "Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Jörg Zoë Renée José Łukasz").split(" ");
    static final String[] MATTERS = ("Lease dispute|Contract review|Merger|Acquisition due diligence|Estate planning|"
            + "Probate|Divorce|Custody|Employment claim|Wrongful termination|Patent application|Trademark "
            + "opposition|Personal injury|Medical malpractice|Real estate closing|Zoning appeal|Tax audit|"
            + "Bankruptcy|Debt collection|Insurance coverage|Product liability|Securities filing|Immigration visa|"
            + "Criminal defence|Licensing agreement|Shareholder dispute|Construction claim|Data privacy review|"
            + "Franchise agreement|Arbitration").split("\\|");
    static final String[] COMPANY = {"LLP", "Inc.", "GmbH", "& Sons", "Holdings", "Partners", "S.A.", "Ltd"};

    private BenchData() {
    }

    static Random random(String firmId, long i) {
        return new Random(firmId.hashCode() * 1_000_003L + i);
    }

    static String surname(Random r) {
        return SURNAMES[r.nextInt(SURNAMES.length)];
    }

    /** @return matter {@code i} (1-based) of a firm, always the same for the same firm and i */
    static MatterSnapshot matter(String firmId, long i) {
        Random r = random(firmId, i);
        String s1 = surname(r);
        String client = switch (r.nextInt(3)) {
            case 0 -> FIRST[r.nextInt(FIRST.length)] + " " + s1;
            case 1 -> s1 + " & " + surname(r) + " " + COMPANY[r.nextInt(COMPANY.length)];
            default -> s1 + " " + COMPANY[r.nextInt(COMPANY.length)];
        };
        String description = MATTERS[r.nextInt(MATTERS.length)] + (r.nextBoolean() ? "" : " – " + surname(r));
        int st = r.nextInt(10);
        MatterStatus status = st < 7 ? MatterStatus.OPEN : st < 8 ? MatterStatus.PENDING : MatterStatus.CLOSED;
        MatterCustomRate rate = r.nextInt(5) == 0 ? new MatterCustomRate(CustomRateType.HOURLY_RATE,
                List.of(new MatterRateEntry(null, 10L + r.nextInt(5), Money.of(200 + r.nextInt(300) + ".00", "USD"),
                        null, null)))
                : null;
        return new MatterSnapshot(i, String.format("%05d-%s", i, s1.replace(" ", "")), description, status,
                100_000L + r.nextInt(20_000), client, 500L + r.nextInt(50), FIRST[r.nextInt(FIRST.length)] + " "
                        + surname(r), r.nextInt(10) != 0, LocalDate.of(2020 + r.nextInt(6), 1 + r.nextInt(12),
                                1 + r.nextInt(28)),
                null, status == MatterStatus.CLOSED ? LocalDate.of(2025, 6, 1) : null, rate,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), null);
    }
}
