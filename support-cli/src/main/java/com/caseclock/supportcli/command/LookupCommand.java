package com.caseclock.supportcli.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.caseclock.supportcli.ExitCodes;
import com.caseclock.supportcli.http.ServiceClient;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lookup}: look one missing matter up in Clio by display number or name. */
@Command(name = "lookup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Look up one matter missing from the cache in Clio, by display number or name; a matter "
                + "found is published like any synced matter.",
                "Prints the lookup id; with --wait, waits for the connector's answer (FOUND, NOT_FOUND or FAILED "
                        + "with the Clio matter ids)."})
public final class LookupCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(500);

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions services;

    @Option(names = "--firm", required = true, paramLabel = "FIRM", description = "The firm")
    String firm;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    /** Exactly one of the two. */
    static final class What {
        @Option(names = "--display-number", paramLabel = "NUMBER",
                description = "The matter's display number, e.g. 00123-Smith")
        String displayNumber;

        @Option(names = "--name", paramLabel = "TEXT", description = "Part of the matter's name (description)")
        String name;
    }

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to this long for the answer (default ${DEFAULT-VALUE}: do not wait)")
    int waitSeconds;

    @Option(names = "--json", description = "Print the API's JSON answers")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (waitSeconds < 0 || waitSeconds > 600) {
            throw new ParameterException(spec.commandLine(), "--wait must be 0 to 600 seconds");
        }
        String text = what.displayNumber != null ? what.displayNumber.strip() : what.name.strip();
        if (text.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "The display number or name must not be blank");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(what.displayNumber != null ? "displayNumber" : "name", text);
        ServiceClient connector = services.connector();
        JsonNode queued = connector.post(ConnectorApi.lookup(PathSegment.of(firm)), body);
        PrintWriter out = spec.commandLine().getOut();
        String lookupId = queued.path("lookupId").asText(null);
        if (json) {
            Output.json(out, queued);
        } else {
            out.printf("Lookup %s requested for \"%s\"%n", Output.cell(queued.path("lookupId")), text);
            out.flush();
        }
        if (waitSeconds == 0 || lookupId == null) {
            return ExitCodes.OK;
        }
        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        JsonNode answer = connector.get(ConnectorApi.lookupAnswer(PathSegment.of(firm), lookupId), Map.of());
        while (!"ANSWERED".equals(answer.path("status").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            answer = connector.get(ConnectorApi.lookupAnswer(PathSegment.of(firm), lookupId), Map.of());
        }
        if (json) {
            Output.json(out, answer);
        } else if ("ANSWERED".equals(answer.path("status").asText())) {
            JsonNode a = answer.path("answer");
            out.printf("Answer: %s %s%s%n", Output.cell(a.path("outcome")), Output.cell(a.path("matterClioIds")),
                    a.hasNonNull("message") ? " - " + a.path("message").asText() : "");
        } else {
            out.printf("No answer within %d s yet; its status: GET %s%n", waitSeconds,
                    connector.url(ConnectorApi.lookupAnswer(PathSegment.of(firm), lookupId), Map.of()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
