package pe.xofi.chat.outbound.media;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import pe.xofi.chat.outbound.kafka.MaskedKeys;
import pe.xofi.chat.schemas.media.MediaDownload;

/**
 * Stores the file of each requested receipt; a failure is rethrown so that spring-kafka's error
 * handler retries it in the partition or gives up on it ({@link MediaKafkaConfiguration}).
 */
@Component
class MediaDownloadListener {

  /** Listener id, also the name of its container in the {@code KafkaListenerEndpointRegistry}. */
  static final String ID = "media-downloads";

  private static final Logger log = LoggerFactory.getLogger(MediaDownloadListener.class);

  private final ReceiptFileDownloader downloader;

  MediaDownloadListener(ReceiptFileDownloader downloader) {
    this.downloader = downloader;
  }

  @KafkaListener(
      id = ID,
      groupId = "${xofi.outbound.media.group-id}",
      topics = "#{T(pe.xofi.chat.schemas.Topics).MEDIA_DOWNLOADS.name()}",
      containerFactory = MediaKafkaConfiguration.CONTAINER_FACTORY)
  void onDownload(ConsumerRecord<String, MediaDownload> record) {
    MediaDownload download = record.value();
    MediaOutcome outcome = downloader.download(download);
    if (outcome == MediaOutcome.ALREADY_STORED) {
      log.info("receipt {} of {} already has its file; request skipped", download.receiptId(),
          MaskedKeys.of(record.key()));
    }
  }
}
