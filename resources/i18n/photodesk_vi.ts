<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>FolderList</name>
    <message>
        <location filename="../../photodesk/gui/sidebar.py" line="33"/>
        <source>Library</source>
        <translation>Thư viện</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/sidebar.py" line="34"/>
        <source>All photos</source>
        <translation>Tất cả ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/sidebar.py" line="37"/>
        <source>Folders</source>
        <translation>Thư mục</translation>
    </message>
</context>
<context>
    <name>IndexingStatus</name>
    <message>
        <location filename="../../photodesk/gui/progress.py" line="22"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/progress.py" line="35"/>
        <source>Looking for photos…</source>
        <translation>Đang tìm ảnh…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/progress.py" line="41"/>
        <source>Indexing: 0 of %1</source>
        <translation>Đang lập chỉ mục: 0 / %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/progress.py" line="46"/>
        <source>Indexing: %1 of %2</source>
        <translation>Đang lập chỉ mục: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/progress.py" line="48"/>
        <source>%1 photos/s</source>
        <translation>%1 ảnh/giây</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/progress.py" line="50"/>
        <source>%1 left</source>
        <translation>còn lại %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/progress.py" line="55"/>
        <source>Stopping after the current batch…</source>
        <translation>Đang dừng sau lô hiện tại…</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="75"/>
        <source>No photo selected</source>
        <translation>Chưa chọn ảnh nào</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="107"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="108"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="108"/>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="109"/>
        <source>People shown</source>
        <translation>Người trong ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="109"/>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="110"/>
        <source>Keywords</source>
        <translation>Từ khóa</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="110"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="111"/>
        <source>Date created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="111"/>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="113"/>
        <source>Rights</source>
        <translation>Tác giả và bản quyền</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="114"/>
        <source>Creator</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="114"/>
        <source>Credit</source>
        <translation>Nguồn ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="115"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="115"/>
        <source>Copyright</source>
        <translation>Bản quyền</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="117"/>
        <location filename="../../photodesk/gui/inspector.py" line="118"/>
        <source>Camera</source>
        <translation>Máy ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="118"/>
        <source>Lens</source>
        <translation>Ống kính</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="119"/>
        <source>Shutter speed</source>
        <translation>Tốc độ</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="119"/>
        <source>Aperture</source>
        <translation>Khẩu độ</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="120"/>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="120"/>
        <source>Focal length</source>
        <translation>Tiêu cự</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="121"/>
        <source>Taken at</source>
        <translation>Ngày chụp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="121"/>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="122"/>
        <source>GPS</source>
        <translation>Tọa độ GPS</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="124"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="124"/>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="169"/>
        <source>Missing file</source>
        <translation>Thiếu tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/inspector.py" line="171"/>
        <source>Unreadable</source>
        <translation>Không đọc được</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="42"/>
        <source>PhotoDesk — %1</source>
        <translation>PhotoDesk — %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="73"/>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="78"/>
        <source>Search captions, people, places… (accents optional)</source>
        <translation>Tìm chú thích, người, địa điểm… (không cần dấu)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="84"/>
        <source>Newest first</source>
        <translation>Mới chụp trước</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="84"/>
        <source>File name</source>
        <translation>Tên tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="85"/>
        <source>Rating</source>
        <translation>Xếp hạng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="85"/>
        <source>Recently added</source>
        <translation>Mới thêm gần đây</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="87"/>
        <source>Sort:</source>
        <translation>Sắp xếp:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="97"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="98"/>
        <source>&amp;Add folder…</source>
        <translation>&amp;Thêm thư mục…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="103"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="107"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="109"/>
        <source>Problems</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="111"/>
        <source>&amp;Find</source>
        <translation>Tì&amp;m</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="141"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n ảnh</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="146"/>
        <source>No photo matches “%1”.</source>
        <translation>Không có ảnh nào khớp với “%1”.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="148"/>
        <source>No photos yet. Drop a folder here, or choose File → Add folder…</source>
        <translation>Chưa có ảnh nào. Thả một thư mục vào đây, hoặc chọn Tệp → Thêm thư mục…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="168"/>
        <source>Add folder</source>
        <translation>Thêm thư mục</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="231"/>
        <source>Indexing cancelled after %n photo(s).</source>
        <translation>
            <numerusform>Đã hủy lập chỉ mục sau %n ảnh.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="233"/>
        <source>Indexing finished: %n photo(s) read.</source>
        <translation>
            <numerusform>Lập chỉ mục xong: đã đọc %n ảnh.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../../photodesk/gui/errors.py" line="22"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/errors.py" line="22"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/errors.py" line="22"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/errors.py" line="25"/>
        <source>Clear</source>
        <translation>Xóa danh sách</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/errors.py" line="56"/>
        <source>Problems (%n)</source>
        <translation>
            <numerusform>Sự cố (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/errors.py" line="56"/>
        <source>Problems</source>
        <translation>Sự cố</translation>
    </message>
</context>
<context>
    <name>ThumbDelegate</name>
    <message>
        <location filename="../../photodesk/gui/delegate.py" line="75"/>
        <source>Missing</source>
        <translation>Thiếu tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/delegate.py" line="75"/>
        <source>Unreadable</source>
        <translation>Không đọc được</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../photodesk/gui/app.py" line="46"/>
        <source>PhotoDesk cannot open the catalog</source>
        <translation>PhotoDesk không mở được danh mục ảnh</translation>
    </message>
</context>
</TS>
