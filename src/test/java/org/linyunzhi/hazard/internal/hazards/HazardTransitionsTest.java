package org.linyunzhi.hazard.internal.hazards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.linyunzhi.hazard.HazardLevel;
import org.linyunzhi.identity.DataScope;

/**
 * The transition table, pair by pair: every action from every state is either the one allowed move
 * (to the state the table names, with a timeline entry) or refused as a conflict, state unchanged.
 */
class HazardTransitionsTest {

    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    static final Actor ANYONE = new Actor(UUID.randomUUID(), "tester",
            Set.of("hazard:report", "hazard:order", "hazard:rectify", "hazard:verify"), DataScope.all(), null);

    /** What the table must say: the allowed starting states and where each people's action leads. */
    static final Map<HazardAction, Set<HazardStatus>> ALLOWED = Map.of(
            HazardAction.ORDER, EnumSet.of(HazardStatus.FOUND),
            HazardAction.START, EnumSet.of(HazardStatus.ORDERED),
            HazardAction.SUBMIT_EVIDENCE, EnumSet.of(HazardStatus.RECTIFYING, HazardStatus.REJECTED),
            HazardAction.PASS, EnumSet.of(HazardStatus.EVIDENCE_SUBMITTED),
            HazardAction.FAIL, EnumSet.of(HazardStatus.EVIDENCE_SUBMITTED));
    static final Map<HazardAction, HazardStatus> LEADS_TO = Map.of(
            HazardAction.ORDER, HazardStatus.ORDERED,
            HazardAction.START, HazardStatus.RECTIFYING,
            HazardAction.SUBMIT_EVIDENCE, HazardStatus.EVIDENCE_SUBMITTED,
            HazardAction.PASS, HazardStatus.CLOSED,
            HazardAction.FAIL, HazardStatus.REJECTED);
    static final Map<HazardAction, BiConsumer<Hazard, Actor>> MOVES = Map.of(
            HazardAction.ORDER, (h, a) -> h.order(a, null, NOW),
            HazardAction.START, (h, a) -> h.startRectifying(a, null, NOW),
            HazardAction.SUBMIT_EVIDENCE, (h, a) -> h.submitEvidence(a, "fixed", NOW),
            HazardAction.PASS, (h, a) -> h.verifyRectification(a, null, NOW),
            HazardAction.FAIL, (h, a) -> h.rejectRectification(a, "still there", NOW));

    static Hazard in(HazardStatus status) {
        Hazard.Filed filed = new Hazard.Filed(UUID.randomUUID(), "YH20260601-0001", "t", null, "PS-02-001", 1,
                "PUBLIC_SAFETY", HazardLevel.MICRO_GRID, HazardSource.GRID_REPORT, null, null, null, null, null,
                "应急管理办", 120.25, 30.05, "3301091072010010001", "m", NOW, null, "tester", false);
        return new Hazard(filed, 3, status, null, NOW.plusSeconds(86400), null, null, null, null, false, null, null, null);
    }

    @ParameterizedTest
    @EnumSource(HazardStatus.class)
    void everyPeoplesActionFromEveryStateIsAllowedExactlyWhereTheTableSays(HazardStatus from) {
        for (HazardAction action : MOVES.keySet()) {
            Hazard hazard = in(from);
            boolean allowed = ALLOWED.get(action).contains(from);
            assertThat(action.allowedFrom(from)).as("%s from %s", action, from).isEqualTo(allowed);
            if (allowed) {
                MOVES.get(action).accept(hazard, ANYONE);
                assertThat(hazard.status()).as("%s from %s", action, from).isEqualTo(LEADS_TO.get(action));
                assertThat(hazard.newEntries()).singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo(action);
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.to()).isEqualTo(LEADS_TO.get(action));
                });
            } else {
                assertThatThrownBy(() -> MOVES.get(action).accept(hazard, ANYONE)).as("%s from %s", action, from)
                        .isInstanceOfSatisfying(HazardRefused.class,
                                e -> assertThat(e.kind()).isEqualTo(HazardRefused.Kind.CONFLICT));
                assertThat(hazard.status()).isEqualTo(from);
                assertThat(hazard.newEntries()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HazardStatus.class)
    void overdueAndEscalationKeepTheStateAndApplyToOpenHazardsOnly(HazardStatus from) {
        Hazard hazard = in(from);
        boolean marked = hazard.markOverdue(Actor.system("sweep"), NOW.plusSeconds(2 * 86400));
        assertThat(marked).isEqualTo(from.isOpen());
        assertThat(hazard.status()).isEqualTo(from);
        assertThat(hazard.markOverdue(Actor.system("sweep"), NOW.plusSeconds(3 * 86400))).isFalse();
        assertThat(hazard.escalate(Actor.system("sweep"), NOW.plusSeconds(9 * 86400))).isEqualTo(from.isOpen());
        assertThat(hazard.escalate(Actor.system("sweep"), NOW.plusSeconds(10 * 86400))).isFalse();
        if (from.isOpen()) {
            assertThat(hazard.escalatedTo()).isEqualTo(HazardLevel.VILLAGE);
        }
    }

    @Test
    void aHazardIsNotOverdueBeforeItsDeadline() {
        assertThat(in(HazardStatus.ORDERED).markOverdue(Actor.system("sweep"), NOW)).isFalse();
    }

    @Test
    void withoutThePermissionTheMoveIsForbidden() {
        Actor viewer = new Actor(UUID.randomUUID(), "viewer", Set.of("hazard:view"), DataScope.all(), null);
        assertThatThrownBy(() -> in(HazardStatus.FOUND).order(viewer, null, NOW))
                .isInstanceOfSatisfying(HazardRefused.class, e -> assertThat(e.kind()).isEqualTo(HazardRefused.Kind.FORBIDDEN));
    }

    @Test
    void aDepartmentOfficerOrdersOnlyTheHazardsOfTheirDepartment() {
        Actor police = new Actor(UUID.randomUUID(), "officer", Set.of("hazard:order"), DataScope.all(), "派出所");
        assertThatThrownBy(() -> in(HazardStatus.FOUND).order(police, null, NOW))
                .isInstanceOfSatisfying(HazardRefused.class, e -> assertThat(e.kind()).isEqualTo(HazardRefused.Kind.FORBIDDEN));
        Actor emergency = new Actor(UUID.randomUUID(), "officer", Set.of("hazard:order"), DataScope.all(), "应急管理办");
        Hazard hazard = in(HazardStatus.FOUND);
        hazard.order(emergency, null, NOW);
        assertThat(hazard.status()).isEqualTo(HazardStatus.ORDERED);
    }

    @Test
    void theActionsOfferedAreTheAllowedOnesTheActorMayTake() {
        assertThat(in(HazardStatus.EVIDENCE_SUBMITTED).actionsFor(ANYONE))
                .containsExactlyInAnyOrder(HazardAction.PASS, HazardAction.FAIL);
        Actor worker = new Actor(UUID.randomUUID(), "w", Set.of("hazard:rectify"), DataScope.all(), null);
        assertThat(in(HazardStatus.REJECTED).actionsFor(worker)).containsExactly(HazardAction.SUBMIT_EVIDENCE);
        assertThat(in(HazardStatus.CLOSED).actionsFor(ANYONE)).isEmpty();
    }
}
