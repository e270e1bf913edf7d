package pe.xofi.chat.outbound.delivery;

import java.time.Instant;

/**
 * The send attempts of one reply so far.
 *
 * @param number how many attempts have started, from 1
 * @param first  when the first attempt started
 * @param last   when the latest attempt started
 */
public record Attempt(int number, Instant first, Instant last) {

  Attempt next(Instant now) {
    return new Attempt(number + 1, first, now);
  }
}
