package org.linyunzhi.points.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.DataScope;
import org.springframework.stereotype.Component;

/**
 * Which part of the town a leaderboard covers: the area asked for, checked against the viewer's
 * data scope, or by default the viewer's own area (the town for town-wide roles).
 */
@Component
class Areas {

    /** A town, village, grid or micro-grid code: 9, 12, 15 or 19 digits. */
    private static final Pattern CODE = Pattern.compile("\\d{9}(\\d{3}(\\d{3}(\\d{4})?)?)?");

    private final GridApi grid;

    Areas(GridApi grid) {
        this.grid = grid;
    }

    /** An area with the names of its children, which the child totals are labelled with. */
    record Area(RegionNode node, int childLength, Map<String, String> childNames) {

        String code() {
            return node.code();
        }

        boolean hasChildren() {
            return childLength > 0;
        }
    }

    /** Thrown for an area text that is no region code: bad input, answered 400. */
    static final class BadArea extends RuntimeException {
        BadArea(String code) {
            super("area must be a region code of 9, 12, 15 or 19 digits, was '" + code + "'");
        }
    }

    static boolean wellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The area to show; empty when it does not exist or lies outside the scope (both answered 404,
     * so that a code outside one's scope does not disclose whether it exists).
     *
     * @throws BadArea when the text is not a region code
     */
    Optional<Area> resolve(String requested, DataScope scope) {
        String code = requested == null || requested.isBlank() ? home(scope) : requested.strip();
        if (code == null) {
            return Optional.empty();
        }
        if (!wellFormed(code)) {
            throw new BadArea(code);
        }
        if (!scope.coversRegion(code)) {
            return Optional.empty();
        }
        return grid.node(code).map(node -> {
            int childLength = switch (node.level()) {
                case TOWN -> RegionLevel.VILLAGE.codeLength();
                case VILLAGE -> RegionLevel.GRID.codeLength();
                case GRID -> RegionLevel.MICRO_GRID.codeLength();
                case MICRO_GRID, DEDICATED_MICRO_GRID -> 0;
            };
            Map<String, String> names = childLength == 0 ? Map.of()
                    : grid.children(code).stream().collect(Collectors.toMap(RegionNode::code, RegionNode::name, (a, b) -> a));
            return new Area(node, childLength, names);
        });
    }

    /** The areas above this one that the viewer may open, town first, for the breadcrumb. */
    List<RegionNode> path(RegionNode node, DataScope scope) {
        java.util.LinkedList<RegionNode> path = new java.util.LinkedList<>();
        String parent = node.parentCode();
        while (parent != null && scope.coversRegion(parent)) {
            Optional<RegionNode> up = grid.node(parent);
            if (up.isEmpty()) {
                break;
            }
            path.addFirst(up.get());
            parent = up.get().parentCode();
        }
        return path;
    }

    private String home(DataScope scope) {
        if (scope.kind() == DataScope.Kind.ALL) {
            return grid.children(null).stream().findFirst().map(RegionNode::code).orElse(null);
        }
        return scope.regionCode();
    }
}
