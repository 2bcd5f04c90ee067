package org.linyunzhi.grid.internal;

import java.util.List;
import java.util.UUID;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.identity.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rosters edited one person at a time, on the node page or through the API, under the same rules
 * as the roster import and within the editor's data scope.
 */
@Service
class Rosters {

    private final RegionNodes nodes;
    private final Staff staff;

    Rosters(RegionNodes nodes, Staff staff) {
        this.nodes = nodes;
        this.staff = staff;
    }

    List<Staff.RosterLine> of(String code, DataScope scope) {
        nodes.find(code, scope).orElseThrow(() -> new NodeNotFoundException(code));
        return staff.roster(code);
    }

    /**
     * A person to put in a role; the work phone identifies someone already on file.
     *
     * @param userId the person's account in identity, if they have one (optional)
     */
    record Newcomer(String role, String name, String gender, String phone, UUID userId) {
    }

    @Transactional
    UUID add(String code, DataScope scope, Newcomer who) {
        StoredNode node = nodes.find(code, scope).orElseThrow(() -> new NodeNotFoundException(code));
        StaffRole role = RosterRules.role(who.role())
                .orElseThrow(() -> GridRuleException.badInput("role", "grid.roster.error.role"));
        if (who.name() == null || who.name().isBlank()) {
            throw GridRuleException.badInput("name", "grid.roster.error.name");
        }
        String gender = RosterRules.gender(who.gender())
                .orElseThrow(() -> GridRuleException.badInput("gender", "grid.roster.error.gender"));
        if (!RosterRules.validPhone(who.phone())) {
            throw GridRuleException.badInput("phone", "grid.roster.error.phone");
        }
        // two people filling the last member seat at once: the second waits here, then counts two
        staff.lockNode(node.id());
        RosterRules.canAdd(node.level(), role, staff.countInRole(node.id(), role)).ifPresent(rule -> {
            throw GridRuleException.conflict(rule, role.name(), node.level().name());
        });
        String phone = who.phone() == null || who.phone().isBlank() ? null : who.phone().strip();
        // the same work phone means the same person, who may already serve on other nodes
        UUID person = phone == null ? null : staff.byPhone(phone).orElse(null);
        if (person == null) {
            person = staff.addMember("manual:" + UUID.randomUUID(), who.name().strip(), gender.isEmpty() ? null : gender,
                    phone, who.userId());
        } else if (staff.holds(node.id(), person, role)) {
            throw GridRuleException.conflict("grid.roster.error.already", role.name());
        }
        staff.assign(node.id(), person, role);
        return person;
    }

    @Transactional
    void remove(String code, DataScope scope, UUID assignmentId) {
        StoredNode node = nodes.find(code, scope).orElseThrow(() -> new NodeNotFoundException(code));
        if (!staff.unassign(node.id(), assignmentId)) {
            throw new NodeNotFoundException(code + "/" + assignmentId);
        }
    }
}
