package com.caseclock.supportcli.command;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.caseclock.supportcli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show}: one failed event with its reason, Clio's answer, the original event and its history. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show one failed sync event: why it failed (plain words, Clio's status and body, redacted), "
                + "the original event, and its history (failures, replays, resolutions: who and when).")
public final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions services;

    @Parameters(index = "0", paramLabel = "FAILED_EVENT_ID", description = "The failed event's id (from list)")
    UUID id;

    @Option(names = "--json", description = "Print the API's JSON answer only")
    boolean json;

    @Override
    public Integer call() {
        JsonNode d = services.connector().get(ConnectorApi.failure(id.toString()), java.util.Map.of());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, d);
            return ExitCodes.OK;
        }
        JsonNode s = d.path("summary");
        out.printf("Failed event %s  [%s]%n", Output.cell(s.path("id")), Output.cell(s.path("state")));
        out.printf("Why:       %s (%s)%n", Output.cell(s.path("reason")), Output.cell(s.path("reasonCode")));
        out.printf("Where:     %s failed on %s, event %s (%s)%n", Output.cell(s.path("service")),
                Output.cell(s.path("sourceTopic")), Output.cell(s.path("eventId")), Output.cell(s.path("eventType")));
        out.printf("Who:       firm %s, user %s, entry %s, matter %s%n", Output.cell(s.path("firmId")),
                Output.cell(s.path("userId")), Output.cell(s.path("timeEntryId")), Output.cell(s.path("matterId")));
        out.printf("Attempts:  %s, first failure %s, last %s, %s dead letter(s); posting now %s%n",
                Output.cell(s.path("attempts")), Output.cell(s.path("firstFailureAt")),
                Output.cell(s.path("lastFailureAt")), Output.cell(s.path("failureCount")),
                Output.cell(s.path("postingState")));
        out.printf("Error:     %s %s%n", Output.cell(d.path("errorClass")), Output.cell(d.path("errorMessage")));
        if (!s.path("clioStatus").isNull() && !s.path("clioStatus").isMissingNode()) {
            out.printf("Clio:      %s %s%n", Output.cell(s.path("clioStatus")), Output.cell(d.path("clioBody")));
        }
        out.println("History:");
        for (JsonNode h : d.path("history")) {
            out.printf("  %s  %-8s %s%s%n", Output.cell(h.path("at")), Output.cell(h.path("action")),
                    h.path("actor").isTextual() ? "by " + h.path("actor").asText() + ": " : "",
                    Output.cell(h.path("detail")));
        }
        out.println("Original event:");
        Output.json(out, d.path("originalEvent"));
        return ExitCodes.OK;
    }
}
