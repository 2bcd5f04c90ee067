/**
 * Points (微积分): an append-only ledger written only by this module's listeners to other modules'
 * events (an approved task earns points, an overdue one loses some), the rules behind it, balances,
 * histories and leaderboards per village and grid. Other modules read through
 * {@link org.linyunzhi.points.PointsApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points")
package org.linyunzhi.points;
