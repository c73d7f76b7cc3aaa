package com.caseclock.supportcli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.caseclock.supportcli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replay}: republish failed events to their original topic (the connector's exactly-once rules apply). */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay failed sync events: each is republished to its original topic with a link to the "
                + "failed record, so the connector's exactly-once rules apply (a replay never creates a second Clio "
                + "activity; replaying again changes nothing). Fix the cause first.",
                "Give failed event ids, or --matching with filters to replay every matching event (OPEN ones unless "
                        + "--state says otherwise). Exit code 3 when some could not be replayed."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions services;

    @Parameters(arity = "0..*", paramLabel = "FAILED_EVENT_ID", description = "Failed event ids (from list)")
    List<UUID> ids = new ArrayList<>();

    @Option(names = "--matching", description = "Replay every failed event matching the filters below")
    boolean matching;

    @Mixin
    FailureFilter filter;

    @Option(names = "--json", description = "Print the API's JSON answers")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "With --matching: replay at most N events, 1 to 500 (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        if (ids.isEmpty() == !matching) {
            throw new ParameterException(spec.commandLine(),
                    "Give failed event ids, or --matching with at least one filter (not both)");
        }
        if (matching && !filter.any()) {
            throw new ParameterException(spec.commandLine(),
                    "--matching needs at least one filter (--firm, --user, --entry, --matter, --reason, --state,"
                            + " --from, --to)");
        }
        if (limit < 1 || limit > 500) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 to 500");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (matching) {
            ObjectNode body = Output.JSON.createObjectNode();
            filter.query().forEach((k, v) -> {
                if (v != null) {
                    body.put(k, v.toString());
                }
            });
            if (filter.matter != null) {
                body.put("matterId", filter.matter);
            }
            body.put("limit", limit);
            JsonNode answer = services.connector().post(ConnectorApi.REPLAY_MATCHING, body);
            if (json) {
                Output.json(out, answer);
            } else {
                out.printf("Replayed %d failed event(s)%n", answer.path("replayed").size());
                answer.path("replayed").forEach(id -> out.println("  " + id.asText()));
                answer.path("failed").fields().forEachRemaining(f -> out.printf("  NOT replayed %s: %s%n",
                        f.getKey(), f.getValue().asText()));
                out.flush();
            }
            return answer.path("failed").isEmpty() ? ExitCodes.OK : ExitCodes.SERVICE_ERROR;
        }
        for (UUID id : ids) {
            JsonNode answer = services.connector().post(ConnectorApi.replay(id.toString()), null);
            if (json) {
                Output.json(out, answer);
            } else {
                out.printf("%s: replayed, now %s%n", id, Output.cell(answer.path("summary").path("state")));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
