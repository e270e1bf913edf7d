package pe.xofi.chat.outbound.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reconciliation of provider statuses with the sent-reply ledger.
 *
 * @param groupId      consumer group of the {@code provider-statuses} listener
 * @param overdueAfter a reply sent longer ago than this with no delivered status is overdue
 * @param checkPeriod  how often the overdue check runs
 * @param checkBatch   most overdue replies taken by one run of the check
 */
@ConfigurationProperties("xofi.outbound.delivery")
record StatusProperties(String groupId, Duration overdueAfter, Duration checkPeriod, int checkBatch) {}
