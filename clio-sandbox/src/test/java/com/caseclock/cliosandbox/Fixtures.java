package com.caseclock.cliosandbox;

import com.caseclock.cliosandbox.seed.Seed;

/** Small seeds for focused tests (the demo seed is covered by its own test). */
public final class Fixtures {
    public static final String FIRM_A = "firm-a";
    public static final String FIRM_B = "firm-b";
    public static final long ALICE = 10;   // firm A, rate 200, group 20 (Litigation)
    public static final long BOB = 11;     // firm A, rate 150, groups 20 and 21
    public static final long CAROL = 12;   // firm A, no group, no rate
    public static final long LITIGATION = 20;
    public static final long CORPORATE = 21;
    public static final long EVERYONE = 22;
    public static final long RESEARCH = 30;     // rate type User
    public static final long COURT = 31;        // Custom 450
    public static final long FILING = 32;       // FlatRate 750
    public static final long PERSON = 40;       // "Siobhán O'Reilly"
    public static final long COMPANY = 41;      // "Smith & Wesson Holdings"
    public static final long RATED_CLIENT = 42; // client rate 275 for everyone
    public static final long MATTER = 50;       // plain hourly matter of PERSON
    public static final long HOURLY = 51;       // matter custom rates: ALICE 425, LITIGATION 380, CORPORATE 390
    public static final long FLAT = 52;         // FlatRate 5000 for FILING
    public static final long CONTINGENCY = 53;  // ContingencyFee 33
    public static final long RATED = 54;        // matter of RATED_CLIENT
    public static final long B_USER = 60;
    public static final long B_CLIENT = 61;
    public static final long B_MATTER = 62;

    private Fixtures() {}

    public static Seed seed() {
        return Seed.fromJson("""
            {"oauth_clients":[{"client_id":"app","client_secret":"secret","redirect_uris":["http://127.0.0.1:9/cb"]}],
             "firms":[
              {"key":"firm-a","name":"Firm A & Co","account_id":1,"billing":{"rounding":0},
               "users":[{"id":10,"first_name":"Alice","last_name":"O'Hara","email":"alice@a.example","rate":200,"account_owner":true},
                        {"id":11,"first_name":"Bob","last_name":"Núñez","email":"bob@a.example","rate":150},
                        {"id":12,"first_name":"Carol","last_name":"King","email":"carol@a.example"}],
               "groups":[{"id":20,"name":"Litigation","users":[10,11]},{"id":21,"name":"Corporate","users":[11]},
                         {"id":22,"name":"Everyone","type":"AccountGroup","users":[]}],
               "activity_descriptions":[{"id":30,"name":"Research","rate":{"type":"User","amount":0}},
                                        {"id":31,"name":"Court appearance","rate":{"type":"Custom","amount":450}},
                                        {"id":32,"name":"Fixed-fee filing","rate":{"type":"FlatRate","amount":750}}],
               "contacts":[{"id":40,"type":"Person","first_name":"Siobhán","last_name":"O'Reilly","is_client":true,
                            "created_at":"2020-01-01T00:00:00Z","updated_at":"2020-01-01T00:00:00Z"},
                           {"id":41,"type":"Company","name":"Smith & Wesson Holdings","is_client":true,
                            "created_at":"2020-01-01T00:00:00Z","updated_at":"2020-01-01T00:00:00Z"},
                           {"id":42,"type":"Company","name":"Crème Brûlée Café LLC","is_client":true,
                            "created_at":"2020-01-01T00:00:00Z","updated_at":"2020-01-01T00:00:00Z"}],
               "activity_rates":[{"id":45,"contact_id":42,"rate":275}],
               "matters":[
                 {"id":50,"number":1,"description":"Plain matter","client":{"id":40},"status":"open","open_date":"2020-01-02",
                  "created_at":"2020-01-02T00:00:00Z","updated_at":"2020-01-02T00:00:00Z"},
                 {"id":51,"number":2,"description":"Hourly custom","client":{"id":41},"status":"open",
                  "custom_rate":{"type":"HourlyRate","rates":[{"rate":425,"user":{"id":10}},{"rate":380,"group":{"id":20}},
                                                                {"rate":390,"group":{"id":21}}]},
                  "created_at":"2020-01-03T00:00:00Z","updated_at":"2020-01-03T00:00:00Z"},
                 {"id":52,"number":3,"description":"Flat fee","client":{"id":41},"status":"pending",
                  "custom_rate":{"type":"FlatRate","rates":[{"rate":5000,"user":{"id":10},"activity_description":{"id":32}}]},
                  "created_at":"2020-01-04T00:00:00Z","updated_at":"2020-01-04T00:00:00Z"},
                 {"id":53,"number":4,"description":"Contingency","client":{"id":41},"status":"closed","close_date":"2021-01-01",
                  "custom_rate":{"type":"ContingencyFee","rates":[{"rate":33,"user":{"id":10}}]},
                  "created_at":"2020-01-05T00:00:00Z","updated_at":"2020-01-05T00:00:00Z"},
                 {"id":54,"number":5,"description":"Rated client","client":{"id":42},"status":"open",
                  "created_at":"2020-01-06T00:00:00Z","updated_at":"2020-01-06T00:00:00Z"}]},
              {"key":"firm-b","name":"Firm B","account_id":2,
               "users":[{"id":60,"first_name":"Bea","last_name":"Other","rate":100}],
               "contacts":[{"id":61,"type":"Person","first_name":"Only","last_name":"InB"}],
               "matters":[{"id":62,"description":"B's matter","client":{"id":61}}]}
             ]}""");
    }
}
