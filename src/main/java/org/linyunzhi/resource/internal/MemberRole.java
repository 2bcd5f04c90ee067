package org.linyunzhi.resource.internal;

/** A team member's place in the team: 队长, 副队长, 队员. */
enum MemberRole {
    LEADER, DEPUTY, MEMBER
}
