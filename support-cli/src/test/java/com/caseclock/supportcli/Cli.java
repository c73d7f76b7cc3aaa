package com.caseclock.supportcli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process and captures what it prints. */
public final class Cli {

    /** The outcome of one run. */
    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    /** Runs with the given environment. */
    public static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SupportCli.run(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs with an empty environment. */
    public static Result run(String... args) {
        return run(Map.of(), args);
    }
}
