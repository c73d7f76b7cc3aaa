package com.caseclock.supportcli;

/** The CLI's exit codes, also listed in {@code --help}. */
public final class ExitCodes {

    /** Done. */
    public static final int OK = 0;
    /** An unexpected failure inside the CLI. */
    public static final int SOFTWARE = 1;
    /** Bad command line (unknown option, missing or malformed value, no token). */
    public static final int USAGE = 2;
    /** A service answered with an HTTP error (4xx/5xx); its problem+json detail is printed. */
    public static final int SERVICE_ERROR = 3;
    /** A service could not be reached, timed out, or answered something that is not JSON. */
    public static final int UNREACHABLE = 4;
    /** {@code bundle}: the file was written, but at least one service's part is missing (see its {@code error}). */
    public static final int PARTIAL_BUNDLE = 5;
    /** {@code bundle}: the output file could not be written. */
    public static final int NOT_WRITTEN = 6;

    private ExitCodes() {
    }
}
