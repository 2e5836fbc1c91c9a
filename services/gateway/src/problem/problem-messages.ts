import type { ErrorCode } from '@ttkt/contracts';

/** The languages problems are written in: Vietnamese by default, English on request. */
export type Language = 'vi' | 'en';

/** Picks the language from `Accept-Language`: `en` when English is preferred to Vietnamese. */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'vi';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'vi';
}

type Text = Record<Language, string>;

/** Title and detail of each problem type, in both languages. */
export const PROBLEM_TEXTS: Record<ErrorCode | 'internal-error', { title: Text; detail: Text }> = {
  'validation-failed': {
    title: { vi: 'Dữ liệu không hợp lệ', en: 'Validation failed' },
    detail: {
      vi: 'Yêu cầu có trường không hợp lệ; xem danh sách lỗi.',
      en: 'Some fields of the request are not valid; see the errors.',
    },
  },
  unauthorized: {
    title: { vi: 'Chưa xác thực', en: 'Unauthorized' },
    detail: { vi: 'Cần đăng nhập hoặc khóa API hợp lệ.', en: 'Sign in or send a valid API key.' },
  },
  forbidden: {
    title: { vi: 'Không có quyền', en: 'Forbidden' },
    detail: { vi: 'Vai trò của bạn không được làm việc này.', en: 'Your role may not do this.' },
  },
  'not-found': {
    title: { vi: 'Không tìm thấy', en: 'Not found' },
    detail: {
      vi: 'Không có tài nguyên này hoặc bạn không được xem.',
      en: 'The resource does not exist or is not visible to you.',
    },
  },
  'invalid-state': {
    title: { vi: 'Trạng thái không cho phép', en: 'Invalid state' },
    detail: {
      vi: 'Thao tác không phù hợp với trạng thái hiện tại.',
      en: 'The action does not fit the current state.',
    },
  },
  'version-conflict': {
    title: { vi: 'Xung đột phiên bản', en: 'Version conflict' },
    detail: {
      vi: 'Dữ liệu vừa được người khác thay đổi; hãy tải lại và thử lại.',
      en: 'Someone else changed it meanwhile; reload and retry.',
    },
  },
  'duplicate-nomination': {
    title: { vi: 'Đề nghị trùng', en: 'Duplicate nomination' },
    detail: {
      vi: 'Đối tượng này đã được đề nghị hình thức này trong đợt.',
      en: 'This nominee is already nominated for this award form.',
    },
  },
  'register-number-taken': {
    title: { vi: 'Số văn bản đã dùng', en: 'Register number taken' },
    detail: {
      vi: 'Số này đã được cấp trong sổ đăng ký văn bản năm nay.',
      en: 'This number is already used in the register this year.',
    },
  },
  'already-decided': {
    title: { vi: 'Đã quyết định', en: 'Already decided' },
    detail: { vi: 'Hồ sơ đã có quyết định.', en: 'The dossier is already decided.' },
  },
  'session-closed': {
    title: { vi: 'Phiên họp đã kết thúc', en: 'Session closed' },
    detail: { vi: 'Phiên họp hội đồng đã kết thúc.', en: 'The council session is closed.' },
  },
  'idempotency-key-in-use': {
    title: { vi: 'Yêu cầu đang xử lý', en: 'Request in progress' },
    detail: {
      vi: 'Một yêu cầu cùng Idempotency-Key đang được xử lý.',
      en: 'A request with this Idempotency-Key is still in progress.',
    },
  },
  'precondition-failed': {
    title: { vi: 'Phiên bản đã cũ', en: 'Precondition failed' },
    detail: {
      vi: 'If-Match không khớp phiên bản hiện tại.',
      en: 'If-Match does not match the current version.',
    },
  },
  'payload-too-large': {
    title: { vi: 'Dữ liệu quá lớn', en: 'Payload too large' },
    detail: {
      vi: 'Tệp hoặc yêu cầu vượt quá giới hạn.',
      en: 'The file or request exceeds the limit.',
    },
  },
  'unsupported-media-type': {
    title: { vi: 'Loại tệp không được phép', en: 'Unsupported media type' },
    detail: { vi: 'Loại tệp này không được chấp nhận.', en: 'This file type is not accepted.' },
  },
  'idempotency-key-reused': {
    title: { vi: 'Idempotency-Key dùng lại', en: 'Idempotency-Key reused' },
    detail: {
      vi: 'Idempotency-Key đã dùng cho một yêu cầu khác.',
      en: 'The Idempotency-Key was used for a different request.',
    },
  },
  'deadline-passed': {
    title: { vi: 'Đã quá hạn', en: 'Deadline passed' },
    detail: { vi: 'Đã hết thời hạn nộp hồ sơ.', en: 'The submission deadline has passed.' },
  },
  'missing-documents': {
    title: { vi: 'Thiếu hồ sơ', en: 'Missing documents' },
    detail: { vi: 'Hồ sơ còn thiếu tài liệu bắt buộc.', en: 'Required documents are missing.' },
  },
  'nominee-not-eligible': {
    title: { vi: 'Không thuộc đối tượng', en: 'Nominee not eligible' },
    detail: {
      vi: 'Đối tượng không thuộc diện của hình thức khen thưởng này.',
      en: 'The nominee is not eligible for this award form.',
    },
  },
  'nominee-on-hold': {
    title: { vi: 'Đối tượng đang bị tạm dừng', en: 'Nominee on hold' },
    detail: {
      vi: 'Đối tượng đang bị kỷ luật, điều tra hoặc khiếu nại.',
      en: 'The nominee has an open discipline, investigation or complaint.',
    },
  },
  'quota-exceeded': {
    title: { vi: 'Vượt chỉ tiêu', en: 'Quota exceeded' },
    detail: {
      vi: 'Số lượng vượt chỉ tiêu của hình thức khen thưởng.',
      en: 'The number exceeds the award form’s quota.',
    },
  },
  'quorum-not-met': {
    title: { vi: 'Không đủ số thành viên', en: 'Quorum not met' },
    detail: {
      vi: 'Phiên họp không đủ số thành viên theo quy chế.',
      en: 'The session does not meet the quorum.',
    },
  },
  'not-a-council-member': {
    title: { vi: 'Không phải thành viên hội đồng', en: 'Not a council member' },
    detail: { vi: 'Chỉ thành viên hội đồng được bỏ phiếu.', en: 'Only council members may vote.' },
  },
  'tie-unresolved': {
    title: { vi: 'Chưa xử lý đồng phiếu', en: 'Tie unresolved' },
    detail: {
      vi: 'Có đồng phiếu ở vị trí cuối chỉ tiêu; cần Chủ tịch hội đồng quyết định.',
      en: 'A tie at the quota boundary needs the chair’s decision.',
    },
  },
  'not-recommended': {
    title: { vi: 'Chưa được đề nghị', en: 'Not recommended' },
    detail: {
      vi: 'Hồ sơ chưa được hội đồng thông qua.',
      en: 'The council did not approve the dossier.',
    },
  },
  'campaign-not-open': {
    title: { vi: 'Phong trào chưa mở', en: 'Campaign not open' },
    detail: {
      vi: 'Kế hoạch chưa ban hành hoặc đã kết thúc.',
      en: 'The plan is not issued or already closed.',
    },
  },
  'unknown-award-form': {
    title: { vi: 'Hình thức không có trong kế hoạch', en: 'Unknown award form' },
    detail: {
      vi: 'Kế hoạch không có hình thức khen thưởng này.',
      en: 'The plan has no such award form.',
    },
  },
  'unsafe-archive': {
    title: { vi: 'Tệp nén không an toàn', en: 'Unsafe archive' },
    detail: {
      vi: 'Tệp nén chứa nội dung không an toàn.',
      en: 'The archive contains unsafe content.',
    },
  },
  'rate-limited': {
    title: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
    detail: { vi: 'Vui lòng thử lại sau.', en: 'Please retry later.' },
  },
  'service-unavailable': {
    title: { vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service unavailable' },
    detail: {
      vi: 'Một dịch vụ hoặc hàng đợi thông điệp không sẵn sàng; hãy thử lại.',
      en: 'A service or the message broker is unavailable; retry.',
    },
  },
  'position-not-reached': {
    title: { vi: 'Dữ liệu chưa cập nhật kịp', en: 'Not caught up yet' },
    detail: {
      vi: 'Dữ liệu đọc chưa cập nhật tới vị trí yêu cầu; hãy thử lại sau giây lát.',
      en: 'The read model has not reached the requested position yet; retry shortly.',
    },
  },
  'service-timeout': {
    title: { vi: 'Dịch vụ không trả lời kịp', en: 'Service timeout' },
    detail: {
      vi: 'Dịch vụ không trả lời trong thời gian cho phép.',
      en: 'A service did not answer in time.',
    },
  },
  'internal-error': {
    title: { vi: 'Lỗi hệ thống', en: 'Internal error' },
    detail: {
      vi: 'Đã có lỗi ngoài dự kiến; thao tác không được thực hiện.',
      en: 'An unexpected error occurred; nothing was done.',
    },
  },
};

/** Messages for class-validator constraint names, used in `errors[].message`. */
export const CONSTRAINT_TEXTS: Record<string, Text> = {
  isNotEmpty: { vi: 'không được để trống', en: 'must not be empty' },
  isString: { vi: 'phải là chuỗi ký tự', en: 'must be a string' },
  isDefined: { vi: 'là trường bắt buộc', en: 'is required' },
  whitelistValidation: { vi: 'là trường không được phép', en: 'is not an allowed field' },
  isObject: { vi: 'phải là một đối tượng', en: 'must be an object' },
  isUuid: { vi: 'phải là UUID', en: 'must be a UUID' },
  matches: { vi: 'không đúng định dạng', en: 'has the wrong format' },
  maxLength: { vi: 'quá dài', en: 'is too long' },
  isInt: { vi: 'phải là số nguyên', en: 'must be an integer' },
  min: { vi: 'quá nhỏ', en: 'is too small' },
  isIn: { vi: 'không thuộc các giá trị cho phép', en: 'is not one of the allowed values' },
  isDateString: { vi: 'phải là ngày YYYY-MM-DD', en: 'must be a YYYY-MM-DD date' },
  isIso8601: { vi: 'phải là ngày YYYY-MM-DD', en: 'must be a YYYY-MM-DD date' },
  isArray: { vi: 'phải là danh sách', en: 'must be a list' },
  body: { vi: 'thân yêu cầu phải là JSON hợp lệ', en: 'the body must be valid JSON' },
  maxDepth: { vi: 'dữ liệu lồng nhau quá sâu', en: 'is nested too deeply' },
  isBoolean: { vi: 'phải là true hoặc false', en: 'must be true or false' },
  minLength: { vi: 'quá ngắn', en: 'is too short' },
  max: { vi: 'quá lớn', en: 'is too large' },
  arrayMinSize: { vi: 'cần ít nhất một phần tử', en: 'needs at least one item' },
  arrayMaxSize: { vi: 'có quá nhiều phần tử', en: 'has too many items' },
  arrayUnique: { vi: 'có phần tử trùng nhau', en: 'has duplicate items' },
  ifMatch: {
    vi: 'phải là phiên bản (ETag) đã đọc, ví dụ "3"',
    en: 'must be the version (ETag) read, e.g. "3"',
  },
  idempotencyKey: {
    vi: 'phải gồm 1–255 ký tự ASCII in được, không có dấu cách',
    en: 'must be 1–255 printable ASCII characters without spaces',
  },
  noChanges: { vi: 'không có thay đổi nào', en: 'changes nothing' },
  upload: {
    vi: 'tệp tải lên không hợp lệ (một tệp, trường "file")',
    en: 'is not a valid upload (one file, field "file")',
  },
  unknownColumn: { vi: 'tiêu đề cột không được hỗ trợ', en: 'is not a supported column header' },
  duplicateColumn: { vi: 'tiêu đề cột bị lặp', en: 'repeats a column header' },
  missingColumnFullName: {
    vi: 'thiếu cột "Họ và tên"',
    en: 'lacks the "Họ và tên" (full name) column',
  },
  noRows: { vi: 'tệp không có dòng dữ liệu nào', en: 'has no data rows' },
  notInRegisterYear: {
    vi: 'không thuộc năm của sổ đăng ký văn bản',
    en: 'is not in the register’s year',
  },
  isEmpty: { vi: 'phải để trống', en: 'must be empty' },
  unknownDocumentType: {
    vi: 'không phải loại tài liệu của hình thức khen thưởng',
    en: 'is not a document type of the award form',
  },
  duplicateDocumentId: {
    vi: 'mã tài liệu đã dùng cho tệp khác',
    en: 'the document id is used for another file',
  },
  unknownDocument: {
    vi: 'không phải loại tài liệu hồ sơ đã biết',
    en: 'is not a known kind of dossier document',
  },
  agencyNotInForce: {
    vi: 'không thuộc thời gian cơ quan còn hoạt động',
    en: 'is outside the period the issuing agency exists',
  },
  beforeIssuedOn: {
    vi: 'không được trước ngày ban hành kế hoạch',
    en: "must not be before the plan's issue date",
  },
  predecessorStillValid: {
    vi: 'cơ quan tiền nhiệm phải kết thúc trước ngày cơ quan này bắt đầu',
    en: 'the predecessor must end before this agency begins',
  },
  cellError: {
    vi: 'chứa giá trị lỗi của bảng tính (như #N/A)',
    en: 'holds a spreadsheet error (such as #N/A)',
  },
  controlCharacter: {
    vi: 'chứa ký tự điều khiển hoặc ký tự không hợp lệ',
    en: 'holds a control character or an invalid character',
  },
  alreadyTaken: { vi: 'đã được sử dụng', en: 'is already taken' },
  unknownAgency: { vi: 'không có cơ quan này', en: 'names no known agency' },
  unknownUnit: { vi: 'không có đơn vị này', en: 'names no known unit' },
  unknownPerson: { vi: 'không có người này', en: 'names no known person' },
  unknownUser: {
    vi: 'không có người dùng này trong cơ quan',
    en: 'names no known user of the agency',
  },
  unknownSubject: {
    vi: 'không có trong đối tượng của kế hoạch',
    en: 'is not a subject of the plan',
  },
  unknownAwardForm: {
    vi: 'không có hình thức khen thưởng này',
    en: 'names no award form of the plan',
  },
  systemAdminWithoutAgency: {
    vi: 'quản trị hệ thống không gắn với cơ quan; các vai trò khác phải có cơ quan',
    en: 'system-admin is granted without an agency, every other role with one',
  },
  minDate: { vi: 'là ngày quá sớm', en: 'is too early a date' },
  maxDate: { vi: 'không được là ngày trong tương lai', en: 'must not be a future date' },
  duplicateCode: { vi: 'mã bị trùng', en: 'is a duplicate code' },
  afterProposalStage: {
    vi: 'hạn nộp ở đơn vị không được sau hạn trình cấp trên',
    en: 'must not be after the proposal-stage deadline',
  },
  periodEndsBeforeStart: {
    vi: 'ngày kết thúc trước ngày bắt đầu',
    en: 'ends before it starts',
  },
  proposalStageRequired: {
    vi: 'hình thức do cấp trên quyết định cần có bước trình cấp trên',
    en: 'a form decided by a higher authority needs a proposal stage',
  },
  proposalStageNotAllowed: {
    vi: 'hình thức do Thủ trưởng cơ quan quyết định không có bước trình cấp trên',
    en: 'a form the agency head decides has no proposal stage',
  },
  immutable: { vi: 'không được thay đổi', en: 'cannot be changed' },
  invalidCursor: { vi: 'con trỏ phân trang không hợp lệ', en: 'is not a valid page cursor' },
  nestedValidation: {
    vi: 'phải là đối tượng hoặc danh sách đúng dạng',
    en: 'must be a well-formed object or list',
  },
  isPositive: { vi: 'phải là số dương', en: 'must be a positive number' },
  isEnum: { vi: 'không thuộc các giá trị cho phép', en: 'is not one of the allowed values' },
  arrayNotEmpty: { vi: 'danh sách không được rỗng', en: 'must not be an empty list' },
  isNumber: { vi: 'phải là số', en: 'must be a number' },
  isFraction: {
    vi: 'phải là phân số "p/q" với 0 < p ≤ q ≤ 1000, ví dụ "2/3"',
    en: 'must be a fraction "p/q" with 0 < p ≤ q ≤ 1000, e.g. "2/3"',
  },
  invalidFraction: {
    vi: 'phải là phân số "p/q" với 0 < p ≤ q, ví dụ "2/3"',
    en: 'must be a fraction "p/q" with 0 < p ≤ q, e.g. "2/3"',
  },
  duplicateThreshold: {
    vi: 'đã có ngưỡng biểu quyết cho hình thức này (hoặc ngưỡng chung)',
    en: 'repeats the threshold of this award form (or the default one)',
  },
  notAMember: {
    vi: 'không phải thành viên hội đồng',
    en: 'is not a member of the council',
  },
  noThreshold: {
    vi: 'quy chế hội đồng không có ngưỡng biểu quyết cho hình thức này',
    en: "the council's rules have no threshold for this award form",
  },
  notInProposal: {
    vi: 'không có trong tờ trình',
    en: 'is not a nominee of the proposal',
  },
  withdrawn: {
    vi: 'hồ sơ đã được rút',
    en: 'is a dossier withdrawn since',
  },
  isDate: { vi: 'phải là ngày YYYY-MM-DD', en: 'must be a YYYY-MM-DD date' },
  mustBeAfterToday: { vi: 'phải là ngày sau hôm nay', en: 'must be a day after today' },
  notTied: {
    vi: 'không thuộc các hồ sơ bằng phiếu ở vị trí cuối của chỉ tiêu',
    en: 'is not among the dossiers tied at the quota’s last place',
  },
  tiePlaces: {
    vi: 'phải chọn đúng số hồ sơ bằng số chỉ tiêu còn lại',
    en: 'must choose exactly as many dossiers as places are left',
  },
};

/** The message of a constraint in a language; unknown constraints keep their name. */
export function constraintText(constraint: string, language: Language): string {
  return CONSTRAINT_TEXTS[constraint]?.[language] ?? constraint;
}
